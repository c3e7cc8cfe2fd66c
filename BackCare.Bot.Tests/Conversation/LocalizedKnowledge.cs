using System.Collections.Concurrent;
using System.Text.Json;
using BackCare.Bot.Content;

namespace BackCare.Bot.Tests.Conversation;

/// <summary>
/// The knowledge as a user in one locale reads it: every local help token ([[emergencyNumber]] ...) filled in with
/// that locale's value, as the bot fills them on sending. Tests compare replies with this, so "the reply contains the
/// emergency outcome" keeps meaning what the user was shown. Loaded through the real loader, once per locale.
/// </summary>
public static class LocalizedKnowledge
{
    private static readonly KnowledgeBase Raw = ContentLoader.Load(KnowledgeBase.DefaultDirectory);
    private static readonly ConcurrentDictionary<string, Lazy<KnowledgeBase>> ByLocale = new(StringComparer.Ordinal);

    /// <summary>The local help <paramref name="locale"/> gets (null: no locale sent).</summary>
    public static LocalHelp HelpFor(string? locale) => Raw.LocalHelp.For(locale);

    public static KnowledgeBase For(string? locale) =>
        ByLocale.GetOrAdd(locale ?? string.Empty, _ => new Lazy<KnowledgeBase>(() => Load(HelpFor(locale)))).Value;

    private static KnowledgeBase Load(LocalHelp help)
    {
        var directory = Directory.CreateTempSubdirectory("backcare-localized-");
        try
        {
            foreach (var file in Directory.GetFiles(KnowledgeBase.DefaultDirectory, "*.json"))
            {
                // Filled inside the JSON text, each value escaped as a JSON string's content.
                var text = LocalHelpTokens.Replace(File.ReadAllText(file), name => help.ValueOf(name) is { } value ? JsonSerializer.Serialize(value)[1..^1] : null);
                File.WriteAllText(Path.Combine(directory.FullName, Path.GetFileName(file)), text);
            }

            return ContentLoader.Load(directory.FullName);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

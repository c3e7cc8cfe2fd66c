using BackCare.Bot.Content;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Bots;

/// <summary>
/// Replaces the local help tokens in everything of an outgoing activity a user can read or hear: its text, speech and
/// summary, the suggested actions, and every string of its attachments (Adaptive Cards, including their fallbackText
/// and speak). Changes the activity in place, so what a transcript logs is what was sent.
/// </summary>
public static class LocalHelpFiller
{
    public static void Fill(Activity activity, LocalHelp help)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(help);
        activity.Text = Replace(activity.Text, help);
        activity.Speak = Replace(activity.Speak, help);
        activity.Summary = Replace(activity.Summary, help);

        foreach (var action in activity.SuggestedActions?.Actions ?? [])
        {
            action.Title = Replace(action.Title, help);
            action.Text = Replace(action.Text, help);
            action.DisplayText = Replace(action.DisplayText, help);
            if (action.Value is string value)
            {
                action.Value = Replace(value, help);
            }
        }

        foreach (var attachment in activity.Attachments ?? [])
        {
            attachment.Content = Fill(attachment.Content, help);
        }
    }

    private static object? Fill(object? content, LocalHelp help)
    {
        switch (content)
        {
            case null:
                return null;
            case string text:
                return Replace(text, help);
            case JToken token:
                FillStrings(token, help);
                return token;
            default:
                // A typed card (a hero card, say): only turned into JSON when it has a token, so untouched content keeps its type.
                var json = JToken.FromObject(content);
                return TokenStrings(json).Any() ? FillStrings(json, help) : content;
        }
    }

    private static JToken FillStrings(JToken token, LocalHelp help)
    {
        foreach (var value in TokenStrings(token).ToList())
        {
            value.Value = LocalHelpTokens.Replace((string)value.Value!, help);
        }

        return token;
    }

    /// <summary>The string values in <paramref name="token"/> that have a token in them.</summary>
    private static IEnumerable<JValue> TokenStrings(JToken token) =>
        (token is JContainer container ? container.Descendants() : [token])
            .OfType<JValue>()
            .Where(v => v.Value is string text && LocalHelpTokens.HasAny(text));

    private static string? Replace(string? text, LocalHelp help) => text is null ? null : LocalHelpTokens.Replace(text, help);
}

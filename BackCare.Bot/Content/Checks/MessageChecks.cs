using System.Text.Json;

namespace BackCare.Bot.Content.Checks;

/// <summary>
/// messages.json beyond its schema: every message chat-sized (a button caption label-sized) with exactly the
/// placeholders the code fills (<see cref="MessageFormats"/>); reminder prompts tagged only with techniques' tags,
/// one of them untagged; menu and "how did it go" captions that differ.
/// </summary>
internal sealed class MessageChecks(List<ContentError> errors, TextRules text)
{
    private const string File = ContentLoader.MessagesFile;

    /// <summary>Messages used as button captions, which must be short and told apart by the text a click sends back.</summary>
    private static readonly HashSet<string> ButtonMessages = new(StringComparer.Ordinal)
    {
        nameof(BotMessages.MenuTechniques), nameof(BotMessages.MenuQuestion), nameof(BotMessages.MenuTips),
        nameof(BotMessages.ClarifyNeither), nameof(BotMessages.FeltBetter), nameof(BotMessages.FeltSame),
        nameof(BotMessages.FeltWorse), nameof(BotMessages.TellMeMore), nameof(BotMessages.ReminderDoneButton),
        nameof(BotMessages.ReminderSnoozeButton), nameof(BotMessages.ReminderStopButton),
    };

    /// <param name="techniqueTags">Every technique's tags: what a reminder prompt may be tagged with.</param>
    public void Check(BotMessages messages, IReadOnlySet<string> techniqueTags)
    {
        // Reflection so that a message added to BotMessages is checked without touching this file.
        foreach (var property in typeof(BotMessages).GetProperties().Where(p => p.PropertyType == typeof(string)).OrderBy(p => p.MetadataToken))
        {
            var path = "$." + JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var value = (string?)property.GetValue(messages);
            var isButton = ButtonMessages.Contains(property.Name);
            CheckFormatted(path, value, isButton ? ContentLimits.Label : ContentLimits.ChatText, MessageFormats.For(property.Name), isButton);
        }

        foreach (var (key, advice) in messages.SafetyAdvice)
        {
            CheckFormatted($"$.safetyAdvice.{key}", advice, ContentLimits.ChatText, []);
        }

        CheckReminderPrompts(messages.ReminderPrompts, techniqueTags);

        UniqueValues.RequireDistinct(
            errors,
            File,
            [(messages.MenuTechniques, "$.menuTechniques"), (messages.MenuQuestion, "$.menuQuestion"), (messages.MenuTips, "$.menuTips")],
            "menu button caption");
        UniqueValues.RequireDistinct(
            errors,
            File,
            [(messages.FeltBetter, "$.feltBetter"), (messages.FeltSame, "$.feltSame"), (messages.FeltWorse, "$.feltWorse")],
            "\"how did it go\" button caption");
    }

    /// <summary>The schema has checked that there is at least one prompt, each with text and tags.</summary>
    private void CheckReminderPrompts(IReadOnlyList<ReminderPrompt> prompts, IReadOnlySet<string> techniqueTags)
    {
        for (var n = 0; n < prompts.Count; n++)
        {
            var prompt = prompts[n];
            CheckFormatted($"$.reminderPrompts[{n}].text", prompt.Text, ContentLimits.ChatText, []);
            foreach (var tag in prompt.Tags.Where(t => !techniqueTags.Contains(t)))
            {
                Add($"$.reminderPrompts[{n}].tags", $"\"{tag}\" is not a tag of any technique in {ContentLoader.TechniquesFile}, so no screening answer could ever rule this movement out");
            }
        }

        // Someone who has not done the safety check (or whose check ruled movements out) still gets reminders.
        if (prompts.All(p => p.Tags.Count > 0))
        {
            Add("$.reminderPrompts", "needs at least one prompt with no tags, for people whose screening allows no tagged movement");
        }
    }

    private void CheckFormatted(string path, string? value, int maxLength, IReadOnlyList<string> fills, bool label = false)
    {
        if (text.Check(File, path, value, maxLength, label))
        {
            Placeholders.Check(errors, File, path, value!, fills);
        }
    }

    private void Add(string path, string problem) => errors.Add(new ContentError(File, path, problem));
}

using System.Globalization;
using BackCare.Bot.Content;

namespace BackCare.Bot.Tests.Content;

/// <summary>The real messages.json fills every placeholder the code passes, and nothing else.</summary>
public sealed class BotMessagesFormatTests
{
    private static readonly BotMessages Messages = ContentLoader.Load(KnowledgeBase.DefaultDirectory).Messages;

    // The format strings and how many arguments the code passes to each, from BotMessages' comments.
    private static readonly Dictionary<string, int> FormatArguments = new(StringComparer.Ordinal)
    {
        [nameof(BotMessages.ClarifyPrompt)] = 2,
        [nameof(BotMessages.PrivacyNote)] = 1,
        [nameof(BotMessages.ScreeningRemembered)] = 1,
        [nameof(BotMessages.TooLong)] = 1,
        [nameof(BotMessages.LeftOutLine)] = 2,
        [nameof(BotMessages.ReminderConfirm)] = 4,
        [nameof(BotMessages.TechniquePicked)] = 1,
        [nameof(BotMessages.StoredScreening)] = 3,
        [nameof(BotMessages.StoredScreeningOld)] = 2,
        [nameof(BotMessages.StoredCautions)] = 1,
        [nameof(BotMessages.StoredReminders)] = 4,
        [nameof(BotMessages.StoredConversation)] = 2,
    };

    public static TheoryData<string> MessageNames() =>
        [.. typeof(BotMessages).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(MessageNames))]
    public void Every_message_uses_exactly_the_placeholders_the_code_fills(string name)
    {
        var text = (string)typeof(BotMessages).GetProperty(name)!.GetValue(Messages)!;
        var count = FormatArguments.GetValueOrDefault(name);
        if (count == 0)
        {
            Assert.DoesNotContain('{', text);
            Assert.DoesNotContain('}', text);
            return;
        }

        var arguments = Enumerable.Range(0, count).Select(n => $"<arg{n}>").ToArray<object?>();
        var formatted = string.Format(CultureInfo.InvariantCulture, text, arguments);
        foreach (var argument in arguments)
        {
            Assert.Contains((string)argument!, formatted, StringComparison.Ordinal);
        }

        Assert.DoesNotContain('{', formatted);
    }

    [Fact]
    public void The_loaders_table_of_format_strings_matches_the_code_contract()
    {
        var table = MessageFormats.Placeholders.ToDictionary(p => p.Key, p => p.Value.Count);
        Assert.Equal(FormatArguments.OrderBy(p => p.Key), table.OrderBy(p => p.Key));
    }

    [Fact]
    public void The_clarify_prompt_shows_both_titles()
    {
        var text = string.Format(CultureInfo.InvariantCulture, Messages.ClarifyPrompt, "Is it safe?", "How often?");
        Assert.Contains("Is it safe?", text, StringComparison.Ordinal);
        Assert.Contains("How often?", text, StringComparison.Ordinal);
    }
}

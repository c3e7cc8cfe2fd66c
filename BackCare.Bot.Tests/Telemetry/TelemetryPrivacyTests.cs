using System.Diagnostics;
using System.Text.RegularExpressions;
using BackCare.Bot.Tests.Conversation;
using BackCare.Bot.Tests.EndToEnd;
using BackCare.Bot.TestSupport;

namespace BackCare.Bot.Tests.Telemetry;

/// <summary>
/// The privacy promise, held through the running bot: with every log level down to Debug and traces and metrics
/// printed by the console exporter, a red-flag message leaves no trace of what was said, who said it or in which
/// conversation, in any log line, span (name, tags, events) or metric tag that the process prints.
/// </summary>
public sealed class TelemetryPrivacyTests
{
    private const string RedFlag = "I can't feel my legs and I've wet myself";

    [Fact]
    public async Task A_red_flag_message_leaves_no_health_text_user_id_or_conversation_id_in_logs_spans_or_metrics()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = await BotProcess.StartAsync(
        [
            "Storage:Kind=Memory",
            "Logging:LogLevel:Default=Debug",
            "Logging:LogLevel:Microsoft=Debug",
            "Logging:LogLevel:Microsoft.AspNetCore=Debug",
            "Logging:LogLevel:Microsoft.Bot=Debug",
            "Logging:LogLevel:BackCare.Bot.Hosting.AdapterWithErrorHandler=Debug",
            "Telemetry:Exporter=Console",
            "Telemetry:MetricExportIntervalMilliseconds=500",
        ]);
        using var chat = new TeamsConversation(bot, connector);
        var knowledge = LocalizedKnowledge.For(TeamsConversation.Locale);

        var replies = await chat.SayAsync(RedFlag);

        // The safety net answered, so the message went all the way through routing, state and the connector.
        Assert.Contains(knowledge.Screening.Outcomes.Emergency, Replies.AllText(replies), StringComparison.Ordinal);
        var output = await WaitForAsync(bot, o =>
            o.Contains("backcare.routing.decisions", StringComparison.Ordinal)
            && o.Contains("backcare.turns", StringComparison.Ordinal)
            && o.Contains("bot turn", StringComparison.Ordinal)
            && o.Contains("connector send", StringComparison.Ordinal)
            && o.Contains("storage write", StringComparison.Ordinal));

        // What the telemetry does say: the decision by intent and layer, with fixed words only.
        Assert.Matches(new Regex("safety", RegexOptions.IgnoreCase), output);
        Assert.Contains("urgent", output, StringComparison.Ordinal);

        // Words as whole words ("legs", not "legsomething"); ids anywhere, also inside an encoded URL ("a%3A…").
        foreach (var word in Words(RedFlag).Append(RedFlag))
        {
            var found = Regex.Match(output, $@"(?<![\w']){Regex.Escape(word)}(?![\w'])", RegexOptions.IgnoreCase);
            Assert.False(found.Success, $"'{word}' is in the bot's output:\n{Around(output, found.Index)}");
        }

        foreach (var id in new[] { chat.UserId, chat.Id }.SelectMany(IdParts))
        {
            var at = output.IndexOf(id, StringComparison.OrdinalIgnoreCase);
            Assert.True(at < 0, $"The id '{id}' is in the bot's output:\n{Around(output, Math.Max(at, 0))}");
        }
    }

    /// <summary>The words of the message worth looking for: "and" is in plenty of harmless log lines.</summary>
    private static IEnumerable<string> Words(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3 && w != "and");

    /// <summary>The whole id and the id without its channel prefix ("29:", "a:"), so a trimmed or encoded id is found too.</summary>
    private static IEnumerable<string> IdParts(string id) => id.Split(':').Where(p => p.Length >= 8).Append(id);

    private static string Around(string output, int index) =>
        output.Substring(Math.Max(0, index - 400), Math.Min(800, output.Length - Math.Max(0, index - 400)));

    private static async Task<string> WaitForAsync(BotProcess bot, Func<string, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (done(bot.Output()))
            {
                // One more export interval, so whatever the turn left behind has been printed too.
                await Task.Delay(1000);
                return bot.Output();
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The telemetry never appeared in the bot's output:\n{bot.Output()}");
        return string.Empty;
    }
}

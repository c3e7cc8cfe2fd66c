using BackCare.Bot.Tests.TeamsPackage;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace BackCare.Bot.Tests.Conversation;

/// <summary>
/// Every command of the Teams command menu (read from appPackage/manifest.json, so a new one is covered the day it is
/// added) typed in every state a conversation can be in: it does what its description promises, never gets "outside
/// what I know", and never counts as a failed answer to the waiting question. After an emergency answer the lock
/// still wins: the urgent advice again, never a technique ("forget me" is the one exception: it deletes the data).
/// </summary>
public sealed class ManifestCommandTests(ITestOutputHelper output)
{
    private const string TechniqueId = "childs-pose";
    private const string KnownQuestion = "is foam rolling better than stretching?";
    private const string KnownAnswerId = "faq:foam-vs-stretch";

    public static IReadOnlyList<string> Titles { get; } = ReadTitles();

    public static TheoryData<string, ConversationState, bool> CommandsByState()
    {
        var data = new TheoryData<string, ConversationState, bool>();
        foreach (var title in Titles)
        {
            foreach (var state in Enum.GetValues<ConversationState>())
            {
                // As typed from the menu, and as a group chat sends it: lower-cased, after a mention of the bot.
                data.Add(title, state, false);
                data.Add(title, state, true);
            }
        }

        return data;
    }

    [Fact]
    public void The_manifest_lists_the_commands_this_test_knows_what_to_expect_of()
    {
        Assert.NotEmpty(Titles);
        Assert.All(Titles, title => Assert.True(Promises.ContainsKey(title), $"No expectation for the manifest command '{title}': add one to {nameof(ManifestCommandTests)}.{nameof(Promises)}."));
    }

    [Theory]
    [MemberData(nameof(CommandsByState))]
    public async Task A_manifest_command_does_what_it_promises_in_every_state(string title, ConversationState state, bool mentioned)
    {
        await using var bot = new BotHarness();
        var before = await ReachAsync(bot, state);

        var replies = await bot.SendAsync(Command(bot, mentioned ? "<at>BackCare</at> " + title.ToLowerInvariant() : title));
        var text = Replies.AllText(replies);
        output.WriteLine($"{title} @ {state}: {Summary(replies)}");

        Assert.DoesNotContain(bot.Messages.Fallback, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Please answer yes or no", text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Knowledge.Screening.Duration.RetryText, text, StringComparison.Ordinal);
        // "forget me" deletes and "what do you know about me" reports what is kept, emergency flag included: both
        // are about the user's data, not advice, so they are answered after an emergency too.
        if (state == ConversationState.AfterEmergency && title is not ("forget me" or "what do you know about me"))
        {
            Assert.Contains(bot.Messages.UrgentReminder, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Step 1 of", text, StringComparison.Ordinal);
            Assert.DoesNotContain(replies.SelectMany(Replies.Buttons), b => b.Title.StartsWith("Start ", StringComparison.Ordinal));
            return;
        }

        await Promises[title](bot, state, before, replies);
    }

    [Theory]
    [InlineData("Try a technique")]
    [InlineData("Ask a question")]
    [InlineData("Prevention tips")]
    public async Task The_same_command_three_times_mid_screening_never_ends_the_safety_check(string title)
    {
        await using var bot = new BotHarness();
        var before = await ReachAsync(bot, ConversationState.ScreeningCheck);
        var asked = ScreeningDriver.QuestionAsked(bot, before);

        for (var i = 0; i < 3; i++)
        {
            var replies = await bot.SayAsync(title);
            Assert.DoesNotContain(bot.Messages.Fallback, Replies.AllText(replies), StringComparison.Ordinal);
        }

        // Still at the same question: "no" moves on to the next one rather than finding the screening over.
        var next = await bot.SayAsync("no");
        var nextAsked = ScreeningDriver.QuestionAsked(bot, next);
        Assert.NotNull(nextAsked);
        Assert.NotEqual(asked, nextAsked);
    }

    [Fact]
    public async Task Ask_a_question_mid_screening_then_a_question_the_bot_cannot_answer_says_so_and_asks_again_without_counting_it()
    {
        await using var bot = new BotHarness();
        var before = await ReachAsync(bot, ConversationState.ScreeningCheck);
        var asked = ScreeningDriver.QuestionAsked(bot, before);

        for (var i = 0; i < 3; i++)
        {
            await bot.SayAsync("Ask a question");
            var replies = await bot.SayAsync("what is the capital of peru");
            Assert.Contains(bot.Messages.Fallback, Replies.AllText(replies), StringComparison.Ordinal);
            Assert.Equal(asked, ScreeningDriver.QuestionAsked(bot, replies));
        }

        var next = await bot.SayAsync("no");
        Assert.NotEqual(asked, ScreeningDriver.QuestionAsked(bot, next));
        Assert.NotNull(ScreeningDriver.QuestionAsked(bot, next));
    }

    /// <summary>What each manifest command promises, state by state (the emergency lock is checked for all of them above).</summary>
    private static readonly Dictionary<string, Func<BotHarness, ConversationState, List<IActivity>, List<IActivity>, Task>> Promises = new(StringComparer.Ordinal)
    {
        ["menu"] = (bot, _, _, replies) =>
        {
            Assert.Contains(bot.Messages.MenuPrompt, Replies.Text(Replies.Last(replies)), StringComparison.Ordinal);
            return Task.CompletedTask;
        },
        ["Try a technique"] = (bot, state, before, replies) =>
        {
            switch (state)
            {
                case ConversationState.Idle:
                    Assert.Equal(bot.Knowledge.Screening.Checks[0].Id, ScreeningDriver.QuestionAsked(bot, replies));
                    break;
                case ConversationState.AtFeedback:
                    // The screening of a moment ago is remembered: straight to the picker.
                    AssertPicker(bot, replies);
                    break;
                default:
                    // Already under way: the same question, step or picker again, not a restart.
                    AssertShownAgain(bot, state, before, replies);
                    break;
            }

            return Task.CompletedTask;
        },
        ["Ask a question"] = async (bot, state, before, replies) =>
        {
            var invitation = state == ConversationState.Idle ? bot.Messages.AskQuestionPrompt : bot.Messages.AskQuestionMidFlow;
            Assert.Contains(invitation, Replies.Text(Replies.Last(replies)), StringComparison.Ordinal);

            // The question is answered, and the user is back where they were.
            var answered = await bot.SayAsync(KnownQuestion);
            Assert.Contains(bot.Knowledge.FindAnswer(KnownAnswerId)!.Text, Replies.AllText(answered), StringComparison.Ordinal);
            if (state != ConversationState.Idle)
            {
                AssertShownAgain(bot, state, before, answered);
            }
        },
        ["Prevention tips"] = (bot, state, before, replies) =>
        {
            Assert.Contains(bot.Knowledge.Tips[0].Title, Replies.AllText(replies), StringComparison.Ordinal);
            if (state != ConversationState.Idle)
            {
                AssertShownAgain(bot, state, before, replies);
            }

            return Task.CompletedTask;
        },
        ["reminders"] = (bot, state, before, replies) =>
        {
            var confirm = bot.Messages.ReminderConfirm[..bot.Messages.ReminderConfirm.IndexOf('{', StringComparison.Ordinal)];
            Assert.Contains(confirm, Replies.AllText(replies), StringComparison.Ordinal);
            if (state != ConversationState.Idle)
            {
                AssertShownAgain(bot, state, before, replies);
            }

            return Task.CompletedTask;
        },
        ["what do you know about me"] = (bot, state, before, replies) =>
        {
            Assert.Contains(bot.Messages.StoredIntro, Replies.AllText(replies), StringComparison.Ordinal);
            if (state is not (ConversationState.Idle or ConversationState.AfterEmergency))
            {
                AssertShownAgain(bot, state, before, replies);
            }

            return Task.CompletedTask;
        },
        ["forget me"] = async (bot, _, _, replies) =>
        {
            Assert.Contains(bot.Messages.ForgetMeDone, Replies.AllText(replies), StringComparison.Ordinal);

            // Nothing left running: "next" or "no" is not an answer to anything.
            var after = await bot.SayAsync("next");
            Assert.DoesNotContain("Step ", Replies.AllText(after), StringComparison.Ordinal);
        },
    };

    /// <summary>Plays the conversation up to <paramref name="state"/>; the replies of the turn that got there.</summary>
    private static async Task<List<IActivity>> ReachAsync(BotHarness bot, ConversationState state)
    {
        switch (state)
        {
            case ConversationState.Idle:
                return [];
            case ConversationState.AfterEmergency:
                return await bot.SayAsync("I can't feel anything when I wipe");
        }

        var replies = await bot.SayAsync("my back is stiff");
        var screening = bot.Knowledge.Screening;
        while (ScreeningDriver.QuestionAsked(bot, replies) is { } id)
        {
            var check = screening.Checks.FirstOrDefault(c => c.Id == id);
            switch (state)
            {
                case ConversationState.ScreeningCheck:
                    return replies;
                case ConversationState.ScreeningDuration when id == ScreeningDriver.DurationId:
                    return replies;
                case ConversationState.ScreeningFollowUp when check is null && id != ScreeningDriver.DurationId:
                    return replies;
                case ConversationState.ScreeningFollowUp when check is { FollowUps.Count: > 0 }:
                    replies = await bot.SayAsync("yes");
                    continue;
            }

            replies = await bot.SayAsync(ScreeningDriver.AllClear(id));
        }

        if (state == ConversationState.AtPicker)
        {
            return replies;
        }

        var technique = bot.Knowledge.FindTechnique(TechniqueId)!;
        replies = await bot.ClickAsync(Replies.Last(replies), "Start " + technique.Name);
        replies = await bot.ClickAsync(Replies.Last(replies), "Next");
        if (state == ConversationState.MidWalkthrough)
        {
            return replies;
        }

        for (var step = 1; step < technique.Steps.Count; step++)
        {
            replies = await bot.ClickAsync(Replies.Last(replies), step == technique.Steps.Count - 1 ? "Finish" : "Next");
        }

        Assert.Contains(bot.Messages.FinishedPrompt, Replies.AllText(replies), StringComparison.Ordinal);
        return replies;
    }

    /// <summary>The turn ended on what the user was on before the command: the same question, picker or step.</summary>
    private static void AssertShownAgain(BotHarness bot, ConversationState state, List<IActivity> before, List<IActivity> replies)
    {
        switch (state)
        {
            case ConversationState.ScreeningCheck or ConversationState.ScreeningFollowUp or ConversationState.ScreeningDuration:
                Assert.NotNull(ScreeningDriver.QuestionAsked(bot, before));
                Assert.Equal(ScreeningDriver.QuestionAsked(bot, before), ScreeningDriver.QuestionAsked(bot, replies));
                break;
            case ConversationState.AtPicker:
                AssertPicker(bot, replies);
                break;
            case ConversationState.MidWalkthrough:
                WalkthroughTests.AssertStep(Replies.Last(replies), bot.Knowledge.FindTechnique(TechniqueId)!, 1);
                break;
            case ConversationState.AtFeedback:
                Assert.Contains(bot.Messages.FinishedPrompt, Replies.Text(Replies.Last(replies)), StringComparison.Ordinal);
                break;
        }
    }

    private static void AssertPicker(BotHarness bot, List<IActivity> replies) =>
        Assert.Contains(Replies.Buttons(Replies.Last(replies)), b => b.Title == "Start " + bot.Knowledge.FindTechnique(TechniqueId)!.Name);

    /// <summary>A message as Teams sends it; one that opens with a mention of the bot carries the mention entity too.</summary>
    private static Activity Command(BotHarness bot, string text)
    {
        var message = bot.Adapter.MakeActivity(text);
        if (text.StartsWith("<at>", StringComparison.Ordinal))
        {
            message.Entities =
            [
                new Entity("mention")
                {
                    Properties = JObject.FromObject(new { mentioned = new { id = message.Recipient.Id, name = "BackCare" }, text = "<at>BackCare</at>" }),
                },
            ];
        }

        return message;
    }

    private static string Summary(List<IActivity> replies) =>
        string.Join(" | ", replies.Select(r => Replies.Text(r).Split('\n')[0]).Select(t => t.Length > 70 ? t[..70] + "…" : t));

    private static List<string> ReadTitles()
    {
        var manifest = JObject.Parse(File.ReadAllText(Path.Combine(AppPackageFolder.Path, "manifest.json")));
        return manifest.SelectTokens("bots[*].commandLists[*].commands[*].title")
            .Select(t => (string)t!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    public enum ConversationState
    {
        Idle,
        ScreeningCheck,
        ScreeningFollowUp,
        ScreeningDuration,
        AtPicker,
        MidWalkthrough,
        AtFeedback,
        AfterEmergency,
    }
}

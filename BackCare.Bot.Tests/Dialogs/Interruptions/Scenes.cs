using BackCare.Bot.Tests.Conversation;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Tests.Dialogs.Interruptions;

/// <summary>The places in a conversation the checks are tested at, reached the way a user reaches them.</summary>
internal static class Scenes
{
    public const string TechniqueId = "childs-pose";

    /// <summary>A red flag in words no other test uses, so these tests do not lean on one phrasing.</summary>
    public const string RedFlag = "since this morning both my legs have gone numb";

    /// <summary>The first screening question, asked after "my back is stiff".</summary>
    public static async Task<List<IActivity>> AtFirstScreeningQuestionAsync(BotHarness bot)
    {
        var replies = await bot.SayAsync("my lower back feels stiff");
        Assert.NotNull(ScreeningDriver.QuestionAsked(bot, replies));
        return replies;
    }

    /// <summary>The technique picker, after a screening with nothing to report.</summary>
    public static async Task<IActivity> AtPickerAsync(BotHarness bot)
    {
        var (_, replies) = await ScreeningDriver.AnswerAsync(bot, await AtFirstScreeningQuestionAsync(bot), ScreeningDriver.AllClear);
        var picker = Replies.Last(replies);
        Assert.Contains(bot.Messages.ChooseTechniquePrompt, Replies.Text(picker), StringComparison.Ordinal);
        return picker;
    }

    /// <summary>"How does your back feel now?" after every step of <see cref="TechniqueId"/>.</summary>
    public static async Task<IActivity> AtFeedbackQuestionAsync(BotHarness bot)
    {
        var replies = await WalkthroughTests.StartAsync(bot, TechniqueId);
        var steps = bot.Knowledge.FindTechnique(TechniqueId)!.Steps.Count;
        for (var i = 0; i < steps; i++)
        {
            replies = await bot.ClickAsync(Replies.Last(replies), i == steps - 1 ? "Finish" : "Next");
        }

        var question = Replies.Last(replies);
        Assert.Contains(bot.Messages.FinishedPrompt, Replies.Text(question), StringComparison.Ordinal);
        return question;
    }

    /// <summary>A walkthrough reported an emergency in; returns its step card, now an old card.</summary>
    public static async Task<IActivity> AfterEmergencyInWalkthroughAsync(BotHarness bot)
    {
        var card = Replies.Last(await WalkthroughTests.StartAsync(bot, TechniqueId));
        var urgent = await bot.SayAsync(RedFlag);
        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, Replies.AllText(urgent), StringComparison.Ordinal);
        return card;
    }

    public static bool IsStepCard(IActivity reply) => Replies.Text(reply).Contains("Step ", StringComparison.Ordinal) && Replies.Buttons(reply).Any(b => b.Title == "This hurts");
}

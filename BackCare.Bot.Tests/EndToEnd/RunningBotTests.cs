using System.Globalization;
using System.Net;
using BackCare.Bot.CardRendering;
using BackCare.Bot.Content;
using BackCare.Bot.Tests.Conversation;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.EndToEnd;

/// <summary>
/// The built bot as its own process, talked to as Teams does: normal delivery (the bot answers 200 and POSTs its
/// replies to the serviceUrl, here a fake Bot Connector), channel "msteams", a personal chat in a tenant. Each
/// reply is checked by the content it should show, taken from the same content files the bot loads.
/// </summary>
public sealed class RunningBotTests(RunningBotFixture fixture) : IClassFixture<RunningBotFixture>
{
    private const string TechniqueId = "childs-pose";

    private KnowledgeBase Knowledge => fixture.Knowledge;

    [Fact]
    public async Task Adding_the_bot_welcomes_once_though_Teams_also_sends_an_installationUpdate()
    {
        using var chat = fixture.NewConversation();

        var added = await chat.SendAsync(chat.BotAdded(), expectedMessages: 2);
        var installed = await chat.SendAsync(chat.Installed(), expectedMessages: 0);

        Assert.Equal(2, added.Count);
        Assert.Equal(Knowledge.Messages.Welcome, Replies.Text(added[0]));
        Assert.Contains(Knowledge.Messages.MenuPrompt, Replies.Text(added[1]), StringComparison.Ordinal);
        Assert.Empty(installed);
        Assert.Single(chat.AllMessages(), m => Replies.Text(m) == Knowledge.Messages.Welcome);
    }

    [Fact]
    public async Task A_full_screening_answered_no_and_about_3_days_ends_with_the_technique_picker()
    {
        using var chat = fixture.NewConversation();

        var (asked, replies) = await AnswerScreeningAsync(chat);

        Assert.Equal(await ExpectedQuestionsAsync(), asked);
        Assert.Contains(ScreeningDriver.DurationId, asked);
        Assert.Null(QuestionAsked(replies));
        Assert.Contains(Replies.Buttons(Replies.Last(replies)), b => b.Title == "Start " + Knowledge.FindTechnique(TechniqueId)!.Name);
    }

    [Fact]
    public async Task A_walkthrough_of_childs_pose_by_card_submits_ends_with_the_feedback_question()
    {
        using var chat = fixture.NewConversation();
        var technique = Knowledge.FindTechnique(TechniqueId)!;
        var replies = await StartWalkthroughAsync(chat);
        var cardId = Replies.Last(replies).Id;

        for (var step = 0; step < technique.Steps.Count; step++)
        {
            var card = Replies.Last(replies);
            WalkthroughTests.AssertStep(card, technique, step);
            Assert.Equal(step > 0, Replies.IsUpdate(card));
            Assert.Equal(cardId, card.Id);
            var title = step == technique.Steps.Count - 1 ? "Finish" : "Next";
            var data = Replies.Buttons(card).Single(b => b.Title == title).SubmitData;
            Assert.NotNull(data);
            Assert.Equal(TechniqueId, (string?)data["technique"]);
            Assert.Equal(step, (int?)data["step"]);
            // Finish closes the card (an update) and asks how it went (a new message).
            replies = await chat.SubmitAsync(data, expectedMessages: title == "Finish" ? 2 : 1);
        }

        WalkthroughTests.AssertClosed(replies[0], technique, technique.Steps.Count - 1, Knowledge.Messages.StepCardFinished);
        Assert.Equal(cardId, replies[0].Id);
        Assert.Contains(Knowledge.Messages.FinishedPrompt, Replies.AllText(replies.Skip(1)), StringComparison.Ordinal);
        Assert.DoesNotContain($"of {technique.Steps.Count}", Replies.AllText(replies.Skip(1)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_gets_its_FAQ_answer()
    {
        using var chat = fixture.NewConversation();

        var replies = await chat.SayAsync("is foam rolling better than stretching?");

        Assert.Contains(Knowledge.FindAnswer("faq:foam-vs-stretch")!.Text, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_red_flag_mid_walkthrough_gets_the_urgent_card_and_no_further_step()
    {
        using var chat = fixture.NewConversation();
        var technique = Knowledge.FindTechnique(TechniqueId)!;
        var first = Replies.Last(await StartWalkthroughAsync(chat));
        var second = Replies.Last(await chat.ClickAsync(first, "Next"));
        WalkthroughTests.AssertStep(second, technique, 1);

        var replies = await chat.SayAsync("I can't feel my legs and my back hurts", expectedMessages: 2);

        WalkthroughTests.AssertClosed(Assert.Single(replies, Replies.IsUpdate), technique, 1, Knowledge.Messages.StepCardStopped);
        var urgent = Assert.Single(replies, r => !Replies.IsUpdate(r));
        Assert.Contains(Knowledge.Screening.Outcomes.Emergency, Replies.Text(urgent), StringComparison.Ordinal);
        Assert.DoesNotContain($"of {technique.Steps.Count}", Replies.Text(urgent), StringComparison.Ordinal);
        var after = await chat.SayAsync("next");
        Assert.DoesNotContain($"of {technique.Steps.Count}", Replies.AllText(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Action_Execute_of_a_step_cards_data_is_answered_and_moves_the_walkthrough_on_like_its_submit()
    {
        using var chat = fixture.NewConversation();
        var technique = Knowledge.FindTechnique(TechniqueId)!;
        var first = Replies.Last(await StartWalkthroughAsync(chat));
        var next = Replies.Buttons(first).Single(b => b.Title == "Next").SubmitData;

        var (status, body, replies) = await chat.ExecuteAsync(next);

        Assert.Equal(HttpStatusCode.OK, status);
        var response = JObject.Parse(body);
        Assert.Equal(200, (int?)response["statusCode"]);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)response["type"]);
        Assert.Equal(Knowledge.Messages.CardActionTaken, (string?)response["value"]);
        var updated = Assert.Single(replies);
        Assert.True(Replies.IsUpdate(updated));
        Assert.Equal(first.Id, updated.Id);
        WalkthroughTests.AssertStep(updated, technique, 1);

        // Universal Actions cards name the action by verb; the same data with the verb instead of "action" works too.
        var byVerb = (JObject)Replies.Buttons(updated).Single(b => b.Title == "Next").SubmitData!.DeepClone();
        byVerb.Remove("action");
        var (verbStatus, _, verbReplies) = await chat.ExecuteAsync(byVerb, verb: BackCareReplies.ActionNext);
        Assert.Equal(HttpStatusCode.OK, verbStatus);
        WalkthroughTests.AssertStep(Assert.Single(verbReplies), technique, 2);
    }

    [Fact]
    public async Task A_malformed_adaptive_card_invoke_gets_400_and_the_walkthrough_is_untouched()
    {
        using var chat = fixture.NewConversation();
        var technique = Knowledge.FindTechnique(TechniqueId)!;
        var first = Replies.Last(await StartWalkthroughAsync(chat));
        var invoke = chat.NewInvoke("adaptiveCard/action", new JObject { ["trigger"] = "manual" });

        var (status, _) = await chat.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var next = Assert.Single(await chat.ClickAsync(first, "Next"));
        WalkthroughTests.AssertStep(next, technique, 1);
    }

    [Fact]
    public async Task Answers_to_questions_asked_back_to_back_reach_Teams_within_its_per_conversation_limits()
    {
        using var chat = fixture.NewConversation();

        // Twelve questions as fast as the bot answers: unpaced, all twelve answers would arrive within a fraction of a second.
        for (var question = 0; question < 12; question++)
        {
            await chat.SayAsync("is foam rolling better than stretching?");
        }

        var arrivals = chat.ReceivedMessages().Select(r => r.ReceivedAt).Order().ToList();
        Assert.True(arrivals.Count >= 12, $"{arrivals.Count} messages");
        Assert.InRange(MostWithin(arrivals, TimeSpan.FromSeconds(1)), 1, 7);
        Assert.InRange(MostWithin(arrivals, TimeSpan.FromSeconds(2)), 1, 8);
    }

    /// <summary>The most arrivals in any span of <paramref name="window"/> (each span starting at an arrival).</summary>
    private static int MostWithin(List<TimeSpan> arrivals, TimeSpan window) =>
        arrivals.Select((start, i) => arrivals.Skip(i).TakeWhile(t => t - start < window).Count()).Max();

    /// <summary>The questions the same bot asks in-process for the same answers, in order.</summary>
    private static async Task<List<string>> ExpectedQuestionsAsync()
    {
        await using var reference = new BotHarness();
        var (asked, _) = await ScreeningDriver.AnswerAsync(reference, await reference.SayAsync("my back is stiff"), ScreeningDriver.AllClear);
        return asked;
    }

    private async Task<(List<string> Asked, List<IActivity> Replies)> AnswerScreeningAsync(TeamsConversation chat)
    {
        var replies = await chat.SayAsync("my back is stiff");
        var asked = new List<string>();
        while (QuestionAsked(replies) is { } id)
        {
            asked.Add(id);
            Assert.True(asked.Count <= 40, "The screening does not end: " + string.Join(", ", asked));
            replies = await chat.SayAsync(ScreeningDriver.AllClear(id));
        }

        return (asked, replies);
    }

    private async Task<List<IActivity>> StartWalkthroughAsync(TeamsConversation chat)
    {
        var (asked, picker) = await AnswerScreeningAsync(chat);
        Assert.NotEmpty(asked);
        var pickerCard = Replies.Last(picker);
        var technique = Knowledge.FindTechnique(TechniqueId)!;

        // The picker closes in place (an update) and the first step comes as a new card.
        var replies = await chat.ClickAsync(pickerCard, "Start " + technique.Name, expectedMessages: 2);
        var closed = Assert.Single(replies, Replies.IsUpdate);
        Assert.Equal(pickerCard.Id, closed.Id);
        Assert.Empty(Replies.Buttons(closed));
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, Knowledge.Messages.TechniquePicked, technique.Name), Replies.Text(closed), StringComparison.Ordinal);
        WalkthroughTests.AssertStep(Replies.Last(replies), technique, 0);
        return replies;
    }

    /// <summary>The screening question the turn ended on (as <see cref="ScreeningDriver.QuestionAsked(KnowledgeBase, IReadOnlyList{IActivity})"/>, from the content), or null.</summary>
    private string? QuestionAsked(IReadOnlyList<IActivity> replies)
    {
        if (replies.Count == 0)
        {
            return null;
        }

        var text = Replies.Text(Replies.Last(replies));
        var screening = Knowledge.Screening;
        if (text.Contains(screening.Duration.Text, StringComparison.Ordinal) || text.Contains(screening.Duration.RetryText, StringComparison.Ordinal))
        {
            return ScreeningDriver.DurationId;
        }

        return screening.Checks.FirstOrDefault(c => text.Contains(c.Text, StringComparison.Ordinal))?.Id
            ?? screening.Questions.FirstOrDefault(q => text.Contains(q.Text, StringComparison.Ordinal))?.Id;
    }
}

using BackCare.Bot.Content;
using BackCare.Bot.Hosting;
using BackCare.Bot.Tests.Conversation;

namespace BackCare.Bot.Tests.EndToEnd;

/// <summary>
/// Turns that do not end well, on the running bot: Teams hanging up on a slow turn, and a turn that fails because the
/// connector refuses its reply. Neither may lose where the user was in the screening, nor an emergency they reported.
/// </summary>
public sealed class TurnFailureTests(RunningBotFixture fixture) : IClassFixture<RunningBotFixture>
{
    private KnowledgeBase Knowledge => fixture.Knowledge;

    [Fact]
    public async Task A_request_dropped_mid_turn_still_finishes_its_turn_and_the_next_answer_continues_the_screening()
    {
        using var chat = fixture.NewConversation();
        var first = ScreeningDriver.QuestionAsked(Knowledge, await chat.SayAsync("my back is stiff"));
        Assert.NotNull(first);

        // The bot's reply to the answer waits at the connector, and meanwhile the client hangs up on the bot.
        var answer = chat.Message(ScreeningDriver.AllClear(first));
        fixture.Connector.HoldReplies();
        try
        {
            await chat.PostAndHangUpAsync(answer, fixture.Connector.ReplyHeld);

            // Long enough for the server to see the closed connection and cancel what still listens to the request.
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        finally
        {
            fixture.Connector.ReleaseReplies();
        }

        var second = ScreeningDriver.QuestionAsked(Knowledge, await chat.RepliesToAsync(answer));
        Assert.NotNull(second);
        Assert.NotEqual(first, second);

        var next = await chat.SayAsync(ScreeningDriver.AllClear(second));
        var text = Replies.AllText(next);
        Assert.DoesNotContain(Knowledge.Messages.Fallback, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Knowledge.Messages.MenuPrompt, text, StringComparison.Ordinal);
        Assert.NotEqual(second, ScreeningDriver.QuestionAsked(Knowledge, next));
        Assert.DoesNotContain(chat.AllMessages(), m => IsErrorReply(Replies.Text(m)));
    }

    [Fact]
    public async Task An_emergency_reported_before_a_failing_turn_is_still_remembered_after_it()
    {
        using var chat = fixture.NewConversation();
        var urgent = await chat.SayAsync("I can't feel my legs and my back hurts");
        Assert.Contains(Knowledge.Screening.Outcomes.Emergency, Replies.AllText(urgent), StringComparison.Ordinal);

        // The connector refuses the next reply (400 is not retried), so that turn fails; the error reply then goes out.
        fixture.Connector.Failures.Enqueue(400);
        var failed = await chat.SayAsync("hello");
        Assert.Equal([Knowledge.Messages.TurnError], failed.Select(Replies.Text));

        // With the emergency forgotten, this would show the tips.
        var after = await chat.SayAsync(Knowledge.Messages.MenuTips);
        Assert.Contains(Knowledge.Messages.UrgentReminder, Replies.AllText(after), StringComparison.Ordinal);
        Assert.DoesNotContain(Knowledge.Messages.TipsIntro, Replies.AllText(after), StringComparison.Ordinal);
    }

    private bool IsErrorReply(string text) => TurnErrorHandler.IsErrorReply(Knowledge.Messages, text);
}

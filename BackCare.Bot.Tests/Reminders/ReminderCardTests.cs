using BackCare.Bot.Reminders;
using BackCare.Bot.Tests.Conversation;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Reminders;

/// <summary>
/// In Teams a reminder card's button is answered on the card itself (Teams names the card's message in the submit's
/// replyToId): the card keeps its title, shows the answer and loses its buttons. Without that, the answer is a message.
/// </summary>
public sealed class ReminderCardTests
{
    [Theory]
    [InlineData(ReminderConversation.ActionDone)]
    [InlineData(ReminderConversation.ActionSnooze)]
    [InlineData(ReminderConversation.ActionStop)]
    public async Task A_button_of_the_reminder_card_closes_that_card_with_the_answer(string action)
    {
        await using var harness = new BotHarness();
        var card = await FirstReminderAsync(harness);
        var submit = harness.Adapter.MakeActivity();
        submit.Text = null;
        submit.Value = new JObject { ["action"] = action };
        submit.ReplyToId = card.Id;

        var replies = await harness.SendAsync(submit);

        var closed = Assert.Single(replies);
        Assert.True(Replies.IsUpdate(closed));
        Assert.Equal(card.Id, closed.Id);
        Assert.Empty(Replies.Buttons(closed));
        var text = Replies.Text(closed);
        Assert.Contains(harness.Messages.ReminderTitle, text, StringComparison.Ordinal);
        Assert.Contains(
            action switch
            {
                ReminderConversation.ActionDone => harness.Messages.ReminderDoneReply,
                ReminderConversation.ActionSnooze => harness.Messages.ReminderSnoozed,
                _ => harness.Messages.RemindersStopped,
            },
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_cards_message_id_the_answer_is_a_message_and_the_card_is_left_alone()
    {
        await using var harness = new BotHarness();
        await FirstReminderAsync(harness);

        var replies = await harness.SubmitAsync(new JObject { ["action"] = ReminderConversation.ActionDone });

        var reply = Assert.Single(replies);
        Assert.False(Replies.IsUpdate(reply));
        Assert.Equal(harness.Messages.ReminderDoneReply, Replies.Text(reply));
    }

    [Fact]
    public async Task When_Teams_refuses_to_update_the_card_the_answer_comes_as_a_message()
    {
        await using var harness = new BotHarness();
        var card = await FirstReminderAsync(harness);
        harness.Adapter.UpdateFailure = UpdateRecordingTestAdapter.Refused;
        var submit = harness.Adapter.MakeActivity();
        submit.Text = null;
        submit.Value = new JObject { ["action"] = ReminderConversation.ActionSnooze };
        submit.ReplyToId = card.Id;

        var replies = await harness.SendAsync(submit);

        Assert.Equal(harness.Messages.ReminderSnoozed, Replies.Text(Assert.Single(replies)));
    }

    /// <summary>Opts in to hourly reminders; the first comes at 10:00 on the harness's clock (09:00 Thursday).</summary>
    private static async Task<IActivity> FirstReminderAsync(BotHarness harness)
    {
        await harness.SayAsync("remind me every hour");
        var card = Assert.Single(await harness.TickRemindersUntilAsync(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero))).Reply;
        Assert.Contains(Replies.Buttons(card), b => b.Title == harness.Messages.ReminderDoneButton);
        Assert.False(string.IsNullOrEmpty(card.Id));
        return card;
    }
}

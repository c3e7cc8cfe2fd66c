using BackCare.Bot.Content;
using BackCare.Bot.Tests.Conversation;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Tests.EndToEnd;

/// <summary>
/// The Teams command menu through the built bot as its own process: commands picked from the menu mid-screening
/// carry the safety check on (the same question again) rather than counting as wrong answers that end it.
/// </summary>
public sealed class RunningBotCommandTests(RunningBotFixture fixture) : IClassFixture<RunningBotFixture>
{
    private KnowledgeBase Knowledge => fixture.Knowledge;

    [Fact]
    public async Task Menu_commands_mid_screening_ask_the_same_question_again_and_the_screening_carries_on()
    {
        using var chat = fixture.NewConversation();
        var first = Knowledge.Screening.Checks[0];

        var started = await chat.SayAsync("Try a technique", expectedMessages: 2);
        Assert.Contains(first.Text, Replies.Text(Replies.Last(started)), StringComparison.Ordinal);

        // Three times: before, the third of these ended the safety check as three wrong answers.
        for (var i = 0; i < 3; i++)
        {
            var again = await chat.SayAsync("Try a technique", expectedMessages: 2);
            Assert.Equal(Knowledge.Messages.ScreeningUnderway, Replies.Text(again[0]));
            Assert.Contains(first.Text, Replies.Text(Replies.Last(again)), StringComparison.Ordinal);
            Assert.DoesNotContain("Please answer yes or no", Replies.AllText(again), StringComparison.Ordinal);
        }

        var tips = await chat.SayAsync("Prevention tips", expectedMessages: 3);
        Assert.Contains(Knowledge.Tips[0].Title, Replies.AllText(tips), StringComparison.Ordinal);
        Assert.Contains(first.Text, Replies.Text(Replies.Last(tips)), StringComparison.Ordinal);
        Assert.DoesNotContain(Knowledge.Messages.Fallback, Replies.AllText(tips), StringComparison.Ordinal);

        var next = await chat.SayAsync("no");
        Assert.Contains(Knowledge.Screening.Checks[1].Text, Replies.Text(Replies.Last(next)), StringComparison.Ordinal);
    }
}

using BackCare.Bot.Tests.Conversation;
using BackCare.Bot.TestSupport;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Storage;

/// <summary>
/// Two bot processes on two ports sharing one storage, as two instances behind a load balancer: one conversation
/// whose messages go to each in turn walks through the whole screening and into a walkthrough, and every reply
/// is the one the conversation expects next (a lost or stale state would repeat a question or a step).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScaleOutTests(AzuriteFixture azurite) : IDisposable
{
    private const string TechniqueId = "knee-to-chest";

    private readonly TemporaryFolder _folder = new();
    private int _turn;

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("Blob")]
    [InlineData("Sqlite")]
    public async Task Two_instances_continue_one_conversation_turn_by_turn(string kind)
    {
        var settings = SharedStorageSettings.For(kind, azurite, _folder, "scaleout");

        // What the conversation should be, from the same bot in-process: the questions in order, then the steps.
        await using var reference = new BotHarness();
        var (expectedQuestions, _) = await ScreeningDriver.AnswerAsync(reference, await reference.SayAsync("my back is stiff"), ScreeningDriver.AllClear);
        var technique = reference.Knowledge.FindTechnique(TechniqueId)!;
        Assert.True(expectedQuestions.Count >= 4, string.Join(", ", expectedQuestions));

        var bots = await BotProcess.StartSeveralAsync(settings, 2);

        await using var first = bots[0];
        await using var second = bots[1];
        var conversation = new Conversation(Guid.NewGuid().ToString("N"));

        try
        {
            var welcome = await NextBot(bots).SendAsync(conversation.Join());
            Assert.NotEmpty(welcome);

            var replies = await NextBot(bots).SendAsync(conversation.Say("my back is stiff"));
            foreach (var expected in expectedQuestions)
            {
                Assert.Equal(expected, ScreeningDriver.QuestionAsked(reference, replies));
                replies = await NextBot(bots).SendAsync(conversation.Say(ScreeningDriver.AllClear(expected)));
            }

            Assert.Null(ScreeningDriver.QuestionAsked(reference, replies));
            replies = await NextBot(bots).SendAsync(conversation.Click(Replies.Last(replies), "Start " + technique.Name));
            for (var step = 0; step < technique.Steps.Count; step++)
            {
                var card = Replies.Last(replies);
                WalkthroughTests.AssertStep(card, technique, step);
                replies = await NextBot(bots).SendAsync(conversation.Click(card, step == technique.Steps.Count - 1 ? "Finish" : "Next"));
            }

            Assert.Contains(reference.Messages.FinishedPrompt, Replies.AllText(replies), StringComparison.Ordinal);
            Assert.True(_turn > expectedQuestions.Count + technique.Steps.Count, "both instances served many turns");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException($"Failed at turn {_turn}.\nFirst bot:\n{first.Output()}\nSecond bot:\n{second.Output()}", e);
        }
    }

    /// <summary>Alternates: even turns to the first instance, odd turns to the second.</summary>
    private BotProcess NextBot(BotProcess[] bots) => bots[_turn++ % bots.Length];

    /// <summary>The activities of one Teams conversation, each with a new id, as the channel would send them.</summary>
    private sealed class Conversation(string id)
    {
        private readonly ChannelAccount _user = new("user-" + id, "User");
        private readonly ChannelAccount _bot = new("bot", "BackCare");

        public Activity Join()
        {
            var activity = New(ActivityTypes.ConversationUpdate);
            activity.MembersAdded = [_user, _bot];
            return activity;
        }

        public Activity Say(string text)
        {
            var activity = New(ActivityTypes.Message);
            activity.Text = text;
            return activity;
        }

        /// <summary>Presses a card or suggested-action button by title, as Teams sends it.</summary>
        public Activity Click(IActivity reply, string title)
        {
            var button = Replies.Buttons(reply).FirstOrDefault(b => b.Title == title)
                ?? throw new InvalidOperationException($"No button '{title}' on: {string.Join(", ", Replies.Buttons(reply).Select(b => b.Title))}");
            if (button.SubmitData is { } data)
            {
                var submit = New(ActivityTypes.Message);
                submit.Value = (JObject)data.DeepClone();
                return submit;
            }

            return Say(button.ImBackText!);
        }

        private Activity New(string type) => new()
        {
            Type = type,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = "msteams",
            ServiceUrl = "http://127.0.0.1:9",
            From = _user,
            Recipient = _bot,
            Conversation = new ConversationAccount(id: id),
            Timestamp = DateTimeOffset.UtcNow,
        };
    }
}

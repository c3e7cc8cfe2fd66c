using BackCare.Bot.TestSupport;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Tests.Storage;

/// <summary>
/// Two bot processes sharing one storage, as two instances behind a load balancer, and a channel that sends one
/// activity again (Teams does when an answer is slow) so that it lands on both: the activity id is claimed in the
/// shared storage before the turn, so the two together answer once, whether the copies arrive together or one
/// after the other.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DuplicateDeliveryTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("Blob")]
    [InlineData("Sqlite")]
    public async Task An_activity_sent_to_both_instances_is_answered_once(string kind)
    {
        var settings = SharedStorageSettings.For(kind, azurite, _folder, "dupes");
        var bots = await BotProcess.StartSeveralAsync(settings, 2);

        await using var first = bots[0];
        await using var second = bots[1];
        var conversation = Guid.NewGuid().ToString("N");
        var welcome = New(conversation, ActivityTypes.ConversationUpdate, Guid.NewGuid().ToString("N"));
        welcome.MembersAdded = [welcome.From, welcome.Recipient];
        Assert.NotEmpty(await first.SendAsync(welcome));

        try
        {
            // Together: both copies are in flight at once, as when the channel re-sends while the first is still running.
            foreach (var text in new[] { "my back is stiff", "menu", "tips", "hi" })
            {
                var id = Guid.NewGuid().ToString("N");
                var answers = await Task.WhenAll(first.SendAsync(Say(conversation, id, text)), second.SendAsync(Say(conversation, id, text)));

                Assert.Single(answers, replies => replies.Count > 0);
            }

            // One after the other: the copy reaching the second instance finds the first's claim.
            var again = Guid.NewGuid().ToString("N");
            Assert.NotEmpty(await second.SendAsync(Say(conversation, again, "menu")));
            Assert.Empty(await first.SendAsync(Say(conversation, again, "menu")));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException($"First bot:\n{first.Output()}\nSecond bot:\n{second.Output()}", e);
        }
    }

    private static Activity Say(string conversation, string id, string text)
    {
        var activity = New(conversation, ActivityTypes.Message, id);
        activity.Text = text;
        return activity;
    }

    private static Activity New(string conversation, string type, string id) => new()
    {
        Type = type,
        Id = id,
        ChannelId = "msteams",
        ServiceUrl = "http://127.0.0.1:9",
        From = new ChannelAccount("user-" + conversation, "User"),
        Recipient = new ChannelAccount("bot", "BackCare"),
        Conversation = new ConversationAccount(id: conversation),
        Timestamp = DateTimeOffset.UtcNow,
    };
}

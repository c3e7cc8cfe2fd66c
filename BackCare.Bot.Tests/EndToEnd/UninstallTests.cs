using System.Net;
using BackCare.Bot.Content;
using BackCare.Bot.Reminders;
using BackCare.Bot.Storage;
using BackCare.Bot.Tests.Conversation;
using BackCare.Bot.Tests.Storage;
using BackCare.Bot.TestSupport;
using Microsoft.Bot.Builder;

namespace BackCare.Bot.Tests.EndToEnd;

/// <summary>
/// Uninstalling the app, or the bot being removed from the chat, deletes what the bot kept for that user and chat
/// (as "forget me" does): the conversation's state, the user's screening outcome and their reminders. The running
/// bot keeps its data in a SQLite file the test reads too.
/// </summary>
public sealed class UninstallTests
{
    private static readonly KnowledgeBase Knowledge = LocalizedKnowledge.For(TeamsConversation.Locale);

    public static TheoryData<string> Removals() => ["installationUpdate remove", "installationUpdate remove-upgrade", "conversationUpdate bot removed"];

    [Theory]
    [MemberData(nameof(Removals))]
    public async Task Removing_the_app_deletes_the_users_conversation_state_profile_and_reminders_and_nobody_elses(string removal)
    {
        using var folder = new TemporaryFolder();
        var database = folder.File("backcare.db");
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = await BotProcess.StartAsync(["Storage:Kind=Sqlite", $"Storage:SqlitePath={database}"]);
        using var storage = new SqliteStorage(database);
        using var chat = new TeamsConversation(bot, connector);
        using var other = new TeamsConversation(bot, connector);
        await UseTheBotAsync(chat);
        await UseTheBotAsync(other);
        Assert.Equal(3, (await StoredAsync(storage, chat)).Count);

        var activity = removal switch
        {
            "installationUpdate remove" => chat.Uninstalled("remove"),
            "installationUpdate remove-upgrade" => chat.Uninstalled("remove-upgrade"),
            _ => chat.BotRemoved(),
        };
        var sentBefore = connector.Replies.Count(r => r.ConversationId == chat.Id);
        var (status, body) = await chat.PostAsync(activity);

        Assert.True(status == HttpStatusCode.OK, $"{(int)status} {body}\n{bot.Output()}");
        Assert.Empty(await StoredAsync(storage, chat));
        Assert.DoesNotContain(ReminderStore.KeyFor("msteams", chat.UserId), await new ReminderStore(storage).ListKeysAsync(CancellationToken.None));
        Assert.Equal(sentBefore, connector.Replies.Count(r => r.ConversationId == chat.Id));
        Assert.Equal(3, (await StoredAsync(storage, other)).Count);
    }

    /// <summary>Installs the bot, finishes a screening (its outcome kept on the profile) and turns on reminders.</summary>
    private static async Task UseTheBotAsync(TeamsConversation chat)
    {
        chat.LocalOffset = TimeSpan.FromHours(12 - DateTimeOffset.UtcNow.Hour);
        await chat.SendAsync(chat.BotAdded(), expectedMessages: 2);
        var replies = await chat.SayAsync("my back is stiff");
        while (ScreeningDriver.QuestionAsked(Knowledge, replies) is { } id)
        {
            replies = await chat.SayAsync(ScreeningDriver.AllClear(id));
        }

        Assert.Contains(Knowledge.Messages.ReminderEveryDay, Replies.AllText(await chat.SayAsync("remind me to move every 45 minutes between 9 and 5 every day")), StringComparison.Ordinal);
    }

    /// <summary>The keys stored for the chat's conversation state, its user's state and their reminder subscription.</summary>
    private static async Task<List<string>> StoredAsync(IStorage storage, TeamsConversation chat)
    {
        string[] keys = [$"msteams/conversations/{chat.Id}", $"msteams/users/{chat.UserId}", ReminderStore.KeyFor("msteams", chat.UserId)];
        return [.. (await storage.ReadAsync(keys, CancellationToken.None)).Keys];
    }
}

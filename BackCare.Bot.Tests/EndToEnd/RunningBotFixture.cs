using BackCare.Bot.Content;
using BackCare.Bot.Tests.Conversation;
using BackCare.Bot.TestSupport;

namespace BackCare.Bot.Tests.EndToEnd;

/// <summary>
/// One built bot running as its own process (in-memory storage, nothing on disk) and one fake Bot Connector
/// receiving its replies, shared by the tests of a class. Every test uses its own conversation.
/// </summary>
public sealed class RunningBotFixture : IAsyncLifetime
{
    private FakeConnector? _connector;
    private BotProcess? _bot;

    public FakeConnector Connector => _connector ?? throw new InvalidOperationException("Not started.");

    public BotProcess Bot => _bot ?? throw new InvalidOperationException("Not started.");

    /// <summary>The content the bot loads, read from the same test output folder, as a Teams user in <see cref="TeamsConversation.Locale"/> reads it.</summary>
    public KnowledgeBase Knowledge { get; } = LocalizedKnowledge.For(TeamsConversation.Locale);

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = await BotProcess.StartAsync(["Storage:Kind=Memory"]);
    }

    public TeamsConversation NewConversation() => new(Bot, Connector);

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }
    }
}

using BackCare.Bot.Storage;
using BackCare.Bot.Tests.Conversation;

namespace BackCare.Bot.Tests.Storage;

/// <summary>
/// The default storage across a restart: the bot, and its SqliteStorage, are thrown away and built anew on the
/// same file, as after a process restart; the user carries on where they were.
/// </summary>
public sealed class RestartTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_user_mid_walkthrough_continues_at_the_same_step_after_a_restart()
    {
        var path = _folder.File("backcare.db");
        using (var storage = new SqliteStorage(path))
        await using (var before = new BotHarness(storage: storage))
        {
            await WalkthroughTests.StartAsync(before, "knee-to-chest");
        }

        using var reopened = new SqliteStorage(path);
        await using var after = new BotHarness(storage: reopened);
        var technique = after.Knowledge.FindTechnique("knee-to-chest")!;

        var replies = await after.SayAsync("next");

        WalkthroughTests.AssertStep(Replies.Last(replies), technique, 1);
        WalkthroughTests.AssertStep(Replies.Last(await after.ClickAsync(Replies.Last(replies), "Next")), technique, 2);
    }

    [Fact]
    public async Task A_screening_outcome_is_remembered_after_a_restart()
    {
        var path = _folder.File("backcare.db");
        using (var storage = new SqliteStorage(path))
        await using (var before = new BotHarness(storage: storage))
        {
            var (asked, _) = await ScreeningDriver.AnswerAsync(before, await before.SayAsync("my back is stiff"), ScreeningDriver.AllClear);
            Assert.NotEmpty(asked);
        }

        using var reopened = new SqliteStorage(path);
        await using var after = new BotHarness(storage: reopened);

        var replies = await after.SayAsync("child's pose");

        Assert.Null(ScreeningDriver.QuestionAsked(after, replies));
        WalkthroughTests.AssertStep(Replies.Last(replies), after.Knowledge.FindTechnique("childs-pose")!, 0);
    }
}

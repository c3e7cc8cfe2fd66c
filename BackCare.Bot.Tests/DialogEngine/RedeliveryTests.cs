using BackCare.Bot.DialogEngine;
using Microsoft.Bot.Builder;
using static BackCare.Bot.Tests.DialogEngine.TestDialogs;

namespace BackCare.Bot.Tests.DialogEngine;

/// <summary>
/// Teams re-sends an activity it got no 200 for: RunAsync must not let the same activity id
/// advance a dialog twice.
/// </summary>
public sealed class RedeliveryTests
{
    private static ComponentDialog NameAndAgeRoot(Func<int>? onNameStep = null) => Root(
        new WaterfallDialog("main", [
            PromptStep("text", "Name?"),
            async (step, ct) =>
            {
                onNameStep?.Invoke();
                step.Values["name"] = step.Result;
                return await step.PromptAsync("number", Ask("Age?", "Age as a number, please."), ct);
            },
            ReplyStep(step => $"{step.Values["name"]} is {step.Result}"),
        ]),
        new TextPrompt("text"),
        new NumberPrompt<int>("number"));

    [Fact]
    public async Task TheSameActivityDeliveredTwice_AdvancesTheDialogOnce()
    {
        var harness = new DialogTestHarness(NameAndAgeRoot());
        var answer = DialogTestHarness.Message("Ann", id: "activity-2");

        await harness.Flow()
            .Send(DialogTestHarness.Message("hi", id: "activity-1"))
            .AssertReply("Name?")
            .Send(answer)
            .AssertReply("Age?")

            // Re-delivered: were it run, "Ann" would be an invalid age and get the retry prompt.
            .Send(answer)
            .Do(harness.AssertNoPendingReplies)
            .Send(DialogTestHarness.Message("42", id: "activity-3"))
            .AssertReply("Ann is 42")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
        Assert.Equal(["activity-1", "activity-2", "activity-2", "activity-3"], harness.DeliveredActivityIds);
        Assert.Equal(
            [DialogTurnStatus.Waiting, DialogTurnStatus.Waiting, DialogTurnStatus.Waiting, DialogTurnStatus.Complete],
            harness.TurnResults.Select(r => r.Status));
    }

    [Fact]
    public async Task ItIsTheIdThatCounts_NotTheText()
    {
        var harness = new DialogTestHarness(NameAndAgeRoot());

        await harness.Flow()
            .Send(DialogTestHarness.Message("hi", id: "a"))
            .AssertReply("Name?")
            .Send(DialogTestHarness.Message("Ann", id: "b"))
            .AssertReply("Age?")
            .Send(DialogTestHarness.Message("42", id: "b"))
            .Do(harness.AssertNoPendingReplies)
            .Send(DialogTestHarness.Message("42", id: "c"))
            .AssertReply("Ann is 42")
            .StartTestAsync();
    }

    [Fact]
    public async Task ARedeliveredFirstMessage_DoesNotBeginTheRootAgain()
    {
        var harness = new DialogTestHarness(Root(new WaterfallDialog("main", [ReplyStep(_ => "Hello!")])));
        var hello = DialogTestHarness.Message("hi", id: "only-once");

        await harness.Flow()
            .Send(hello)
            .AssertReply("Hello!")
            .Send(hello)
            .StartTestAsync();

        harness.AssertNoPendingReplies();
        Assert.Equal([DialogTurnStatus.Complete, DialogTurnStatus.Empty], harness.TurnResults.Select(r => r.Status));
    }

    [Fact]
    public async Task ARedeliveryAfterARestart_IsStillRecognised()
    {
        var storage = new MemoryStorage();
        var before = new DialogTestHarness(NameAndAgeRoot(), storage);
        await before.Flow()
            .Send(DialogTestHarness.Message("hi", id: "x1"))
            .AssertReply("Name?")
            .Send(DialogTestHarness.Message("Ann", id: "x2"))
            .AssertReply("Age?")
            .StartTestAsync();

        var after = new DialogTestHarness(NameAndAgeRoot(), storage);
        await after.Flow()
            .Send(DialogTestHarness.Message("Ann", id: "x2"))
            .Do(after.AssertNoPendingReplies)
            .Send(DialogTestHarness.Message("42", id: "x3"))
            .AssertReply("Ann is 42")
            .StartTestAsync();
    }

    [Fact]
    public async Task ActivitiesWithoutAnId_AreNeverTakenForRedeliveries()
    {
        var harness = new DialogTestHarness(NameAndAgeRoot());

        await harness.Flow()
            .Send(DialogTestHarness.Message("hi", id: string.Empty))
            .AssertReply("Name?")
            .Send(DialogTestHarness.Message("Ann", id: string.Empty))
            .AssertReply("Age?")
            .Send(DialogTestHarness.Message("42", id: string.Empty))
            .AssertReply("Ann is 42")
            .StartTestAsync();

        Assert.Empty((await harness.ReadSavedDialogStateAsync()).RecentActivityIds);
    }

    [Fact]
    public async Task AFailedTurn_IsNotRemembered_SoItsRedeliveryRunsAgain()
    {
        var calls = 0;
        var harness = new DialogTestHarness(NameAndAgeRoot(() => ++calls == 1 ? throw new InvalidOperationException("transient failure") : calls));
        await harness.Flow()
            .Send(DialogTestHarness.Message("hi", id: "f1"))
            .AssertReply("Name?")
            .StartTestAsync();

        // The turn fails, so state is not saved (as in the bot, where the error handler runs instead).
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Flow().Send(DialogTestHarness.Message("Ann", id: "f2")).StartTestAsync());

        await harness.Flow()
            .Send(DialogTestHarness.Message("Ann", id: "f2"))
            .AssertReply("Age?")
            .StartTestAsync();

        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task RememberedIds_AreCapped()
    {
        var harness = new DialogTestHarness(Root(new WaterfallDialog("main", [ReplyStep(_ => "Hello!")])));
        var flow = harness.Flow();
        for (var i = 0; i < DialogState.RecentActivityIdLimit + 8; i++)
        {
            flow = flow.Send(DialogTestHarness.Message("hi", id: $"id-{i}")).AssertReply("Hello!");
        }

        await flow.StartTestAsync();

        var remembered = (await harness.ReadSavedDialogStateAsync()).RecentActivityIds;
        Assert.Equal(DialogState.RecentActivityIdLimit, remembered.Count);
        Assert.Equal($"id-{DialogState.RecentActivityIdLimit + 7}", remembered[^1]);
        Assert.DoesNotContain("id-0", remembered);
    }
}

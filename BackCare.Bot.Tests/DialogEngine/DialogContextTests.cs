using BackCare.Bot.DialogEngine;
using Microsoft.Bot.Builder;
using static BackCare.Bot.Tests.DialogEngine.TestDialogs;

namespace BackCare.Bot.Tests.DialogEngine;

/// <summary>DialogSet and DialogContext: the stack, Empty, CancelAllDialogsAsync and unknown dialog ids.</summary>
public sealed class DialogContextTests
{
    [Fact]
    public async Task ContinueDialogAsync_OnAnEmptyStack_ReturnsEmpty()
    {
        var harness = new DialogTestHarness();
        var statuses = new List<DialogTurnStatus>();
        var dialogs = new DialogSet(harness.DialogStateAccessor).Add(new WaterfallDialog("main", [ReplyStep(_ => "must not run")]));

        await harness.Flow(async (turnContext, ct) =>
            {
                var dc = await dialogs.CreateContextAsync(turnContext, ct);
                Assert.Null(dc.ActiveDialog);
                statuses.Add((await dc.ContinueDialogAsync(ct)).Status);
            })
            .Send("hello")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
        Assert.Equal([DialogTurnStatus.Empty], statuses);
    }

    [Fact]
    public async Task Stack_IsStoredTopFirst_WithEachEntrysIdAndState()
    {
        var harness = new DialogTestHarness();
        var outer = new WaterfallDialog("outer", [
            (step, ct) => step.BeginDialogAsync("inner", null, ct),
            ReplyStep(step => $"outer resumed with {step.Result}"),
        ]);
        var inner = new WaterfallDialog("inner", [
            (step, ct) =>
            {
                step.Values["marker"] = "inner-value";
                return Task.FromResult(Dialog.EndOfTurn);
            },
        ]);
        var dialogs = new DialogSet(harness.DialogStateAccessor).Add(outer).Add(inner);
        var statuses = new List<DialogTurnStatus>();

        await harness.Flow(async (turnContext, ct) =>
            {
                var dc = await dialogs.CreateContextAsync(turnContext, ct);
                var result = await dc.ContinueDialogAsync(ct);
                if (result.Status == DialogTurnStatus.Empty)
                {
                    result = await dc.BeginDialogAsync("outer", null, ct);
                    Assert.Equal("inner", dc.ActiveDialog?.Id);
                }

                statuses.Add(result.Status);
            })
            .Send("hello")
            .Do(async () =>
            {
                var saved = await harness.ReadSavedDialogStateAsync();
                Assert.Equal(["inner", "outer"], saved.DialogStack.Select(d => d.Id));
                var values = StateValue.To<Dictionary<string, object?>>(saved.DialogStack[0].State["values"])!;
                Assert.Equal("inner-value", values["marker"]);
            })
            .Send("the answer")
            .AssertReply("outer resumed with the answer")
            .StartTestAsync();

        Assert.Equal([DialogTurnStatus.Waiting, DialogTurnStatus.Complete], statuses);
        Assert.Empty((await harness.ReadSavedDialogStateAsync()).DialogStack);
    }

    [Fact]
    public async Task CancelAllDialogsAsync_EndsEveryDialogTopFirst_AndEmptiesTheStack()
    {
        var harness = new DialogTestHarness();
        var ended = new List<string>();
        var outer = new RecordingWaterfall("outer", ended, [
            (step, ct) => step.BeginDialogAsync("inner", null, ct),
            ReplyStep(_ => "outer must not resume"),
        ]);
        var inner = new RecordingWaterfall("inner", ended, [(step, ct) => Task.FromResult(Dialog.EndOfTurn)]);
        var dialogs = new DialogSet(harness.DialogStateAccessor).Add(outer).Add(inner);
        var statuses = new List<DialogTurnStatus>();

        await harness.Flow(async (turnContext, ct) =>
            {
                var dc = await dialogs.CreateContextAsync(turnContext, ct);
                if (turnContext.Activity.Text == "cancel")
                {
                    statuses.Add((await dc.CancelAllDialogsAsync(ct)).Status);
                    statuses.Add((await dc.ContinueDialogAsync(ct)).Status);
                    statuses.Add((await dc.CancelAllDialogsAsync(ct)).Status);
                }
                else
                {
                    statuses.Add((await dc.BeginDialogAsync("outer", null, ct)).Status);
                }
            })
            .Send("start")
            .Send("cancel")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
        Assert.Equal([DialogTurnStatus.Waiting, DialogTurnStatus.Cancelled, DialogTurnStatus.Empty, DialogTurnStatus.Empty], statuses);
        Assert.Equal(["inner:CancelCalled", "outer:CancelCalled"], ended);
        Assert.Empty((await harness.ReadSavedDialogStateAsync()).DialogStack);
    }

    [Fact]
    public async Task CancelAllDialogsAsync_ReachesTheDialogsInsideAComponent()
    {
        var harness = new DialogTestHarness();
        var ended = new List<string>();
        var component = Component("component", new RecordingWaterfall("inside", ended, [(step, ct) => Task.FromResult(Dialog.EndOfTurn)]));
        var dialogs = new DialogSet(harness.DialogStateAccessor).Add(component);

        await harness.Flow(async (turnContext, ct) =>
            {
                var dc = await dialogs.CreateContextAsync(turnContext, ct);
                _ = turnContext.Activity.Text == "cancel"
                    ? await dc.CancelAllDialogsAsync(ct)
                    : await dc.BeginDialogAsync("component", null, ct);
            })
            .Send("start")
            .Do(() => Assert.Empty(ended))
            .Send("cancel")
            .StartTestAsync();

        Assert.Equal(["inside:CancelCalled"], ended);
    }

    [Fact]
    public async Task ContinueDialogAsync_WhenTheSavedStackNamesAnUnknownDialog_ThrowsAClearError()
    {
        var storage = new MemoryStorage();
        var before = new DialogTestHarness(Root(new WaterfallDialog("oldStep", [PromptStep("text", "Name?")]), new TextPrompt("text")), storage);
        await before.Flow().Send("hello").AssertReply("Name?").StartTestAsync();

        // A new version of the bot whose root no longer has "oldStep" (it was renamed), same storage.
        var after = new DialogTestHarness(Root(new WaterfallDialog("newStep", [PromptStep("text", "Name?")]), new TextPrompt("text")), storage);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => after.Flow().Send("Ann").StartTestAsync());

        Assert.Contains("'oldStep'", error.Message);
        Assert.Contains("not in the DialogSet", error.Message);
    }

    [Fact]
    public async Task ContinueDialogAsync_WhenTheRootItselfIsUnknown_ThrowsAClearError()
    {
        var storage = new MemoryStorage();
        var before = new DialogTestHarness(Component("oldRoot", new WaterfallDialog("steps", [PromptStep("text", "Name?")]), new TextPrompt("text")), storage);
        await before.Flow().Send("hello").AssertReply("Name?").StartTestAsync();

        var after = new DialogTestHarness(Component("newRoot", new WaterfallDialog("steps", [PromptStep("text", "Name?")]), new TextPrompt("text")), storage);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => after.Flow().Send("Ann").StartTestAsync());

        Assert.Contains("'oldRoot'", error.Message);
    }

    [Fact]
    public async Task BeginDialogAsync_WithAnIdNotInTheSet_Throws()
    {
        var harness = new DialogTestHarness(Root(new WaterfallDialog("main", [(step, ct) => step.BeginDialogAsync("nowhere", null, ct)])));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Flow().Send("hello").StartTestAsync());

        Assert.Contains("'nowhere'", error.Message);
    }

    [Fact]
    public void DialogSet_Add_RejectsADifferentDialogWithTheSameId_ButAcceptsTheSameOneTwice()
    {
        var dialog = new TextPrompt("text");
        var set = new DialogSet().Add(dialog).Add(dialog);

        Assert.Same(dialog, set.Find("text"));
        Assert.Single(set.Dialogs);
        Assert.Throws<InvalidOperationException>(() => set.Add(new TextPrompt("text")));
        Assert.Null(set.Find("TEXT"));
    }

    /// <summary>A waterfall that records "id:reason" when it leaves the stack.</summary>
    private sealed class RecordingWaterfall(string id, List<string> ended, IEnumerable<WaterfallStep> steps) : WaterfallDialog(id, steps)
    {
        public override Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        {
            ended.Add($"{Id}:{reason}");
            return base.EndDialogAsync(turnContext, instance, reason, cancellationToken);
        }
    }
}

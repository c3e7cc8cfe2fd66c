using BackCare.Bot.DialogEngine;
using Microsoft.Bot.Builder;
using static BackCare.Bot.Tests.DialogEngine.TestDialogs;

namespace BackCare.Bot.Tests.DialogEngine;

/// <summary>Begin, continue, end, NextAsync and ReplaceDialogAsync of WaterfallDialog, run through RunAsync.</summary>
public sealed class WaterfallDialogTests
{
    private static ComponentDialog NameAndColourRoot() => Root(
        new WaterfallDialog("main", [
            PromptStep("text", "What is your name?"),
            async (step, ct) =>
            {
                step.Values["name"] = step.Result;
                return await step.PromptAsync("text", Ask($"Hi {step.Result}, favourite colour?"), ct);
            },
            ReplyStep(step => $"{step.Values["name"]} likes {step.Result}"),
        ]),
        new TextPrompt("text"));

    [Fact]
    public async Task Begin_OnAnEmptyStack_RunsTheFirstStepAndWaits()
    {
        var harness = new DialogTestHarness(NameAndColourRoot());

        await harness.Flow()
            .Send("hello")
            .AssertReply("What is your name?")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
        Assert.Equal(DialogTurnStatus.Waiting, Assert.Single(harness.TurnResults).Status);
    }

    [Fact]
    public async Task Continue_EachAnswerRunsTheNextStep()
    {
        var harness = new DialogTestHarness(NameAndColourRoot());

        await harness.Flow()
            .Send("hello")
            .AssertReply("What is your name?")
            .Send("Ann")
            .AssertReply("Hi Ann, favourite colour?")
            .Send("green")
            .AssertReply("Ann likes green")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
        Assert.Equal(
            [DialogTurnStatus.Waiting, DialogTurnStatus.Waiting, DialogTurnStatus.Complete],
            harness.TurnResults.Select(r => r.Status));
    }

    [Fact]
    public async Task End_RunningPastTheLastStep_ReturnsTheLastResultToTheParent()
    {
        // "child" has a single step, a prompt: running past it ends the child with the answer.
        var child = new WaterfallDialog("child", [PromptStep("text", "Favourite colour?")]);
        var main = new WaterfallDialog("main", [
            (step, ct) => step.BeginDialogAsync("child", null, ct),
            async (step, ct) =>
            {
                await step.SayAsync($"child returned {step.Result}", ct);

                // The last step: running past it ends "main" (and the root) with this result.
                return await step.NextAsync($"final:{step.Result}", ct);
            },
        ]);
        var harness = new DialogTestHarness(Root(main, child, new TextPrompt("text")));

        await harness.Flow()
            .Send("hello")
            .AssertReply("Favourite colour?")
            .Send("blue")
            .AssertReply("child returned blue")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
        var last = harness.TurnResults[^1];
        Assert.Equal(DialogTurnStatus.Complete, last.Status);
        Assert.Equal("final:blue", last.Result);
        Assert.Empty((await harness.ReadSavedDialogStateAsync()).DialogStack);

        // With the stack empty, the next message begins the root again.
        await harness.Flow()
            .Send("hello again")
            .AssertReply("Favourite colour?")
            .StartTestAsync();
    }

    [Fact]
    public async Task End_AStepReturningEndDialog_SkipsTheRemainingSteps()
    {
        var main = new WaterfallDialog("main", [
            (step, ct) => step.EndDialogAsync("early", ct),
            ReplyStep(_ => "must not run"),
        ]);
        var harness = new DialogTestHarness(Root(main));

        await harness.Flow().Send("hello").StartTestAsync();

        harness.AssertNoPendingReplies();
        var result = Assert.Single(harness.TurnResults);
        Assert.Equal(DialogTurnStatus.Complete, result.Status);
        Assert.Equal("early", result.Result);
    }

    [Fact]
    public async Task Continue_AStepThatWaitsWithoutAPrompt_GetsTheNextMessageTextAsItsResult()
    {
        var main = new WaterfallDialog("main", [
            async (step, ct) =>
            {
                await step.SayAsync("Say anything", ct);
                return Dialog.EndOfTurn;
            },
            ReplyStep(step => $"You said '{step.Result}' ({step.Reason})"),
        ]);
        var harness = new DialogTestHarness(Root(main));

        await harness.Flow()
            .Send("hello")
            .AssertReply("Say anything")
            .Send("pineapple")
            .AssertReply("You said 'pineapple' (ContinueCalled)")
            .StartTestAsync();
    }

    [Fact]
    public async Task Steps_SeeTheirIndexAndTheOptionsTheWaterfallWasBegunWith()
    {
        var seen = new List<string>();
        var child = new WaterfallDialog("child", [
            async (step, ct) =>
            {
                seen.Add($"{step.Index}:{step.Options}");
                return await step.PromptAsync("text", Ask("Go on?"), ct);
            },
            async (step, ct) =>
            {
                seen.Add($"{step.Index}:{step.Options}");
                return await step.NextAsync(null, ct);
            },
        ]);
        var main = new WaterfallDialog("main", [(step, ct) => step.BeginDialogAsync("child", "the-options", ct)]);
        var harness = new DialogTestHarness(Root(main, child, new TextPrompt("text")));

        await harness.Flow()
            .Send("hello")
            .AssertReply("Go on?")
            .Send("yes")
            .StartTestAsync();

        // The options survive the turn boundary (they are saved with the waterfall's state).
        Assert.Equal(["0:the-options", "1:the-options"], seen);
    }

    [Fact]
    public async Task NextAsync_SkipsThePromptOfAStepThatAlreadyHasItsAnswer()
    {
        // askName asks for the name unless it was given as options.
        var askName = new WaterfallDialog("askName", [
            (step, ct) => step.Options is string known
                ? step.NextAsync(known, ct)
                : step.PromptAsync("text", Ask("What is your name?"), ct),
            ReplyStep(step => $"Hello {step.Result} ({step.Reason})"),
        ]);
        var knownName = new WaterfallDialog("main", [(step, ct) => step.BeginDialogAsync("askName", "Ann", ct)]);
        var harness = new DialogTestHarness(Root(knownName, askName, new TextPrompt("text")));

        await harness.Flow()
            .Send("hello")
            .AssertReply("Hello Ann (NextCalled)")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
        var result = Assert.Single(harness.TurnResults);
        Assert.Equal(DialogTurnStatus.Complete, result.Status);
        Assert.Equal("Ann", result.Result);
    }

    [Fact]
    public async Task NextAsync_CalledTwiceInOneStep_Throws()
    {
        var secondStepRuns = 0;
        var main = new WaterfallDialog("main", [
            async (step, ct) =>
            {
                await step.NextAsync("first", ct);
                return await step.NextAsync("second", ct);
            },
            (step, ct) =>
            {
                secondStepRuns++;
                return Task.FromResult(Dialog.EndOfTurn);
            },
        ]);
        var harness = new DialogTestHarness(Root(main));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Flow().Send("hello").StartTestAsync());

        Assert.Contains("NextAsync", error.Message);
        Assert.Equal(1, secondStepRuns);
    }

    [Fact]
    public async Task ReplaceDialogAsync_RunsTheNewDialogInstead_AndItsResultGoesToTheParent()
    {
        var endReasons = new List<DialogReason>();
        var first = new RecordingWaterfall("first", endReasons, [
            (step, ct) => step.ReplaceDialogAsync("second", "handed over", ct),
            ReplyStep(_ => "first's second step must not run"),
        ]);
        var second = new WaterfallDialog("second", [
            async (step, ct) => await step.PromptAsync("text", Ask($"Second got '{step.Options}'. Answer?"), ct),
        ]);
        var main = new WaterfallDialog("main", [
            (step, ct) => step.BeginDialogAsync("first", null, ct),
            ReplyStep(step => $"main resumed with {step.Result}"),
        ]);
        var harness = new DialogTestHarness(Root(main, first, second, new TextPrompt("text")));

        await harness.Flow()
            .Send("hello")
            .AssertReply("Second got 'handed over'. Answer?")
            .Do(() => Assert.Equal([DialogReason.ReplaceCalled], endReasons))
            .Send("42")
            .AssertReply("main resumed with 42")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
        Assert.Equal(DialogTurnStatus.Complete, harness.TurnResults[^1].Status);
    }

    [Fact]
    public async Task ReplaceDialogAsync_WithItself_LoopsWithoutGrowingTheStack()
    {
        var collect = new WaterfallDialog("collect", [
            async (step, ct) =>
            {
                step.Values["items"] = StateValue.To<List<string>>(step.Options) ?? [];
                return await step.PromptAsync("text", Ask("Item?"), ct);
            },
            async (step, ct) =>
            {
                var items = step.Values.GetValue<List<string>>("items") ?? [];
                if ((string?)step.Result == "done")
                {
                    return await step.EndDialogAsync(items, ct);
                }

                items.Add((string)step.Result!);
                return await step.ReplaceDialogAsync("collect", items, ct);
            },
        ]);
        var main = new WaterfallDialog("main", [
            (step, ct) => step.BeginDialogAsync("collect", null, ct),
            ReplyStep(step => "Items: " + string.Join(", ", (List<string>)step.Result!)),
        ]);
        var harness = new DialogTestHarness(Root(main, collect, new TextPrompt("text")));

        await harness.Flow()
            .Send("hello")
            .AssertReply("Item?")
            .Send("apples")
            .AssertReply("Item?")
            .Send("pears")
            .AssertReply("Item?")
            .Do(async () =>
            {
                var rootInner = StateValue.To<DialogState>((await harness.ReadSavedDialogStateAsync()).DialogStack[0].State["dialogs"])!;
                Assert.Equal(["text", "collect", "main"], rootInner.DialogStack.Select(d => d.Id));
            })
            .Send("done")
            .AssertReply("Items: apples, pears")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
    }

    /// <summary>A waterfall that records why it left the stack.</summary>
    private sealed class RecordingWaterfall(string id, List<DialogReason> endReasons, IEnumerable<WaterfallStep> steps) : WaterfallDialog(id, steps)
    {
        public override Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        {
            endReasons.Add(reason);
            return base.EndDialogAsync(turnContext, instance, reason, cancellationToken);
        }
    }
}

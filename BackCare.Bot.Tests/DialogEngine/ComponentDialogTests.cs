using BackCare.Bot.DialogEngine;
using static BackCare.Bot.Tests.DialogEngine.TestDialogs;

namespace BackCare.Bot.Tests.DialogEngine;

/// <summary>ComponentDialog: inner stacks, nesting, results flowing back up, InitialDialogId.</summary>
public sealed class ComponentDialogTests
{
    /// <summary>root → main → profile (component) → address (component) → two text prompts.</summary>
    private static ComponentDialog NestedRoot()
    {
        var address = Component(
            "address",
            new WaterfallDialog("addressSteps", [
                PromptStep("text", "Street?"),
                async (step, ct) =>
                {
                    step.Values["street"] = step.Result;
                    return await step.PromptAsync("text", Ask("City?"), ct);
                },
                (step, ct) => step.EndDialogAsync($"{step.Values["street"]}, {step.Result}", ct),
            ]),
            new TextPrompt("text"));

        var profile = Component(
            "profile",
            new WaterfallDialog("profileSteps", [
                (step, ct) => step.BeginDialogAsync("address", null, ct),
                ReplyStep(step => $"Address: {step.Result}"),
                (step, ct) => step.NextAsync($"profile({step.Result})", ct),
            ]),
            address);

        return Root(
            new WaterfallDialog("main", [
                (step, ct) => step.BeginDialogAsync("profile", null, ct),
                ReplyStep(step => $"Profile done: {step.Result}"),
            ]),
            profile);
    }

    [Fact]
    public async Task NestedComponents_KeepTheirOwnStacks_AndTheResultFlowsBackUp()
    {
        var harness = new DialogTestHarness(NestedRoot());

        await harness.Flow()
            .Send("hello")
            .AssertReply("Street?")
            .Do(async () =>
            {
                // Each component holds its own stack, top first, inside its instance state.
                var outer = await harness.ReadSavedDialogStateAsync();
                Assert.Equal([RootId], outer.DialogStack.Select(d => d.Id));
                var rootInner = InnerStack(outer.DialogStack[0]);
                Assert.Equal(["profile", "main"], rootInner.DialogStack.Select(d => d.Id));
                var profileInner = InnerStack(rootInner.DialogStack[0]);
                Assert.Equal(["address", "profileSteps"], profileInner.DialogStack.Select(d => d.Id));
                var addressInner = InnerStack(profileInner.DialogStack[0]);
                Assert.Equal(["text", "addressSteps"], addressInner.DialogStack.Select(d => d.Id));
            })
            .Send("1 Main St")
            .AssertReply("City?")
            .Send("Springfield")
            .AssertReply("Address: 1 Main St, Springfield")
            .AssertReply("Profile done: profile(1 Main St, Springfield)")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
        var last = harness.TurnResults[^1];
        Assert.Equal(DialogTurnStatus.Complete, last.Status);
        Assert.Equal("profile(1 Main St, Springfield)", last.Result);
        Assert.Empty((await harness.ReadSavedDialogStateAsync()).DialogStack);
    }

    [Fact]
    public async Task InnerDialogs_FindPromptsAddedOnlyToAnEnclosingComponent()
    {
        // "text" exists only in the root; the inner component's waterfall still prompts with it.
        var inner = Component("inner", new WaterfallDialog("innerSteps", [PromptStep("text", "Inner question?")]));
        var root = Root(
            new WaterfallDialog("main", [
                (step, ct) => step.BeginDialogAsync("inner", null, ct),
                ReplyStep(step => $"inner answered {step.Result}"),
            ]),
            inner,
            new TextPrompt("text"));
        var harness = new DialogTestHarness(root);

        await harness.Flow()
            .Send("hello")
            .AssertReply("Inner question?")
            .Send("forty")
            .AssertReply("inner answered forty")
            .StartTestAsync();
    }

    [Fact]
    public async Task InitialDialogId_ChoosesWhichInnerDialogBegins()
    {
        var root = Root(
            new WaterfallDialog("notThisOne", [ReplyStep(_ => "wrong dialog")]),
            new WaterfallDialog("thisOne", [ReplyStep(_ => "right dialog")]));
        Assert.Equal("notThisOne", root.InitialDialogId);
        root.InitialDialogId = "thisOne";
        var harness = new DialogTestHarness(root);

        await harness.Flow().Send("hello").AssertReply("right dialog").StartTestAsync();

        harness.AssertNoPendingReplies();
    }

    [Fact]
    public async Task AComponentWhoseInnerDialogEndsInTheFirstTurn_EndsAtOnceWithThatResult()
    {
        var root = Root(
            new WaterfallDialog("main", [
                (step, ct) => step.BeginDialogAsync("quick", null, ct),
                ReplyStep(step => $"quick returned {step.Result}"),
            ]),
            Component("quick", new WaterfallDialog("quickSteps", [(step, ct) => step.NextAsync("fast", ct)])));
        var harness = new DialogTestHarness(root);

        await harness.Flow().Send("hello").AssertReply("quick returned fast").StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, Assert.Single(harness.TurnResults).Status);
    }

    private static DialogState InnerStack(DialogInstance component) =>
        StateValue.To<DialogState>(component.State["dialogs"]) ?? throw new InvalidOperationException("no inner stack");
}

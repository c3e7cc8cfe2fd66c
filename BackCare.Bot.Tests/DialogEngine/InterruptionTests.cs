using BackCare.Bot.DialogEngine;
using static BackCare.Bot.Tests.DialogEngine.TestDialogs;

namespace BackCare.Bot.Tests.DialogEngine;

/// <summary>Interruptions through ComponentDialog.OnContinueDialogAsync: help, cancel, and a help dialog pushed on top.</summary>
public sealed class InterruptionTests
{
    private static WaterfallDialog AgeAndConfirm() => new("steps", [
        async (step, ct) =>
        {
            var options = Ask("How old are you?", "Age as a number, please.");
            options.MaxAttempts = 2;
            options.TooManyAttemptsMessage = Microsoft.Bot.Builder.MessageFactory.Text("Giving up on the age.");
            return await step.PromptAsync("number", options, ct);
        },
        async (step, ct) =>
        {
            step.Values["age"] = step.Result;
            return await step.PromptAsync("confirm", Ask("Save it?"), ct);
        },
        ReplyStep(step => $"age {step.Values["age"]}, saved={step.Result}"),
    ]);

    private static InterruptingComponent Interrupting(string id = RootId, InterruptionMode mode = InterruptionMode.HelpAndReprompt)
    {
        var component = new InterruptingComponent(id, mode);
        component.AddDialog(AgeAndConfirm()).AddDialog(new NumberPrompt<int>("number")).AddDialog(new ConfirmPrompt("confirm"));
        return component;
    }

    [Fact]
    public async Task Help_IsAnsweredAndThePromptRepeated_ThenTheAnswerContinuesAtTheSameStep()
    {
        var harness = new DialogTestHarness(Interrupting());

        await harness.Flow()
            .Send("hi")
            .AssertReply("How old are you?")
            .Send("help")
            .AssertReply("Here is some help.")
            .AssertReply("How old are you?")
            .Do(harness.AssertNoPendingReplies)
            .Send("42")
            .AssertReply("Save it?")
            .Send("yes")
            .AssertReply("age 42, saved=True")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
        Assert.Equal(DialogTurnStatus.Waiting, harness.TurnResults[1].Status);
    }

    [Fact]
    public async Task Help_DoesNotUseUpThePromptsAttempts()
    {
        // MaxAttempts is 2: three helps and one bad answer must still leave the prompt waiting.
        var harness = new DialogTestHarness(Interrupting());

        await harness.Flow()
            .Send("hi")
            .AssertReply("How old are you?")
            .Send("help").AssertReply("Here is some help.").AssertReply("How old are you?")
            .Send("help").AssertReply("Here is some help.").AssertReply("How old are you?")
            .Send("help").AssertReply("Here is some help.").AssertReply("How old are you?")
            .Send("old enough")
            .AssertReply("Age as a number, please.")
            .Send("42")
            .AssertReply("Save it?")
            .StartTestAsync();
    }

    [Fact]
    public async Task Help_ReturningWaitingWithoutAReprompt_StillContinuesAtTheSameStep()
    {
        var harness = new DialogTestHarness(Interrupting(mode: InterruptionMode.HelpOnly));

        await harness.Flow()
            .Send("hi")
            .AssertReply("How old are you?")
            .Send("help")
            .AssertReply("Here is some help.")
            .Do(harness.AssertNoPendingReplies)
            .Send("42")
            .AssertReply("Save it?")
            .StartTestAsync();
    }

    [Fact]
    public async Task Help_InAComponentNestedInAnother_RepromptsTheInnermostPrompt()
    {
        var root = Root(
            new WaterfallDialog("main", [
                (step, ct) => step.BeginDialogAsync("profile", null, ct),
                ReplyStep(_ => "profile finished"),
            ]),
            Interrupting("profile"));
        var harness = new DialogTestHarness(root);

        await harness.Flow()
            .Send("hi")
            .AssertReply("How old are you?")
            .Send("42")
            .AssertReply("Save it?")
            .Send("HELP")
            .AssertReply("Here is some help.")
            .AssertReply("Save it?")
            .Send("no")
            .AssertReply("age 42, saved=False")
            .AssertReply("profile finished")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
    }

    [Fact]
    public async Task Cancel_EndsTheComponent_AndTheNextMessageStartsOver()
    {
        var harness = new DialogTestHarness(Interrupting());

        await harness.Flow()
            .Send("hi")
            .AssertReply("How old are you?")
            .Send("42")
            .AssertReply("Save it?")
            .Send("cancel")
            .AssertReply("Cancelled.")
            .Do(async () => Assert.Empty((await harness.ReadSavedDialogStateAsync()).DialogStack))
            .Send("hi again")
            .AssertReply("How old are you?")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
        Assert.Equal(DialogTurnStatus.Complete, harness.TurnResults[2].Status);
    }

    [Fact]
    public async Task AValueOnlyMessage_PassesTheInterruptionCheck_AndReachesThePrompt()
    {
        var harness = new DialogTestHarness(Interrupting("profile"));
        var submit = DialogTestHarness.Submit(new { confirm = true });
        Assert.Null(submit.Text);

        await harness.Flow()
            .Send("hi")
            .AssertReply("How old are you?")
            .Send(DialogTestHarness.Submit(new { number = 42 }))
            .AssertReply("Save it?")
            .Send(submit)
            .AssertReply("age 42, saved=True")
            .StartTestAsync();
    }

    [Fact]
    public async Task AHelpDialogPushedOnTopOfAPrompt_EndsAndThePromptIsAskedAgain()
    {
        var harness = new DialogTestHarness(HelpDialogRoot(nested: false));

        await harness.Flow()
            .Send("hi")
            .AssertReply("How old are you?")
            .Send("help")
            .AssertReply("Did that help?")
            .Send("yes")
            .AssertReply("Glad to hear it.")
            .AssertReply("How old are you?")
            .Send("42")
            .AssertReply("Save it?")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
    }

    [Fact]
    public async Task AHelpDialogPushedOnTopOfAComponent_EndsAndTheComponentRepromptsItsInnerPrompt()
    {
        var harness = new DialogTestHarness(HelpDialogRoot(nested: true));

        await harness.Flow()
            .Send("hi")
            .AssertReply("How old are you?")
            .Send("help")
            .AssertReply("Did that help?")
            .Send("no")
            .AssertReply("Sorry about that.")
            .AssertReply("How old are you?")
            .Send("42")
            .AssertReply("Save it?")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
    }

    /// <summary>
    /// A root whose "help" begins a help dialog on its inner stack, on top of whatever is active there:
    /// the age prompt itself, or (nested) a component that holds it.
    /// </summary>
    private static InterruptingComponent HelpDialogRoot(bool nested)
    {
        var root = new InterruptingComponent(RootId, InterruptionMode.BeginHelpDialog);
        var help = new WaterfallDialog("helpDialog", [
            (step, ct) => step.PromptAsync("confirm", Ask("Did that help?"), ct),
            async (step, ct) =>
            {
                await step.SayAsync(step.Result is true ? "Glad to hear it." : "Sorry about that.", ct);
                return await step.EndDialogAsync("help's result must not be taken for an answer", ct);
            },
        ]);
        if (nested)
        {
            root.AddDialog(new WaterfallDialog("main", [(step, ct) => step.BeginDialogAsync("profile", null, ct)]));
            root.AddDialog(Component("profile", AgeAndConfirm(), new NumberPrompt<int>("number"), new ConfirmPrompt("confirm")));
        }
        else
        {
            root.AddDialog(AgeAndConfirm()).AddDialog(new NumberPrompt<int>("number"));
        }

        root.AddDialog(help).AddDialog(new ConfirmPrompt("confirm"));
        return root;
    }

    private enum InterruptionMode
    {
        HelpAndReprompt,
        HelpOnly,
        BeginHelpDialog,
    }

    /// <summary>What a bot's main component typically does: look at the message before the inner dialog does.</summary>
    private sealed class InterruptingComponent(string id, InterruptionMode mode) : ComponentDialog(id)
    {
        protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default)
        {
            // Null-safe: a card submit has a Value and no Text.
            var text = innerDc.Context.Activity.Text?.Trim().ToLowerInvariant();
            switch (text)
            {
                case "help" when mode == InterruptionMode.BeginHelpDialog && innerDc.ActiveDialog?.Id != "helpDialog":
                    return await innerDc.BeginDialogAsync("helpDialog", null, cancellationToken);
                case "help" when mode != InterruptionMode.BeginHelpDialog:
                    await innerDc.SayAsync("Here is some help.", cancellationToken);
                    if (mode == InterruptionMode.HelpAndReprompt)
                    {
                        await innerDc.RepromptDialogAsync(cancellationToken);
                    }

                    return Dialog.EndOfTurn;
                case "cancel":
                    await innerDc.SayAsync("Cancelled.", cancellationToken);
                    return await innerDc.CancelAllDialogsAsync(cancellationToken);
                default:
                    return await base.OnContinueDialogAsync(innerDc, cancellationToken);
            }
        }
    }
}

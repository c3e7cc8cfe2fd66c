using BackCare.Bot.DialogEngine;
using BackCare.Bot.DialogEngine.Choices;
using Newtonsoft.Json.Linq;
using static BackCare.Bot.Tests.DialogEngine.TestDialogs;

namespace BackCare.Bot.Tests.DialogEngine;

/// <summary>A message with a Value and no Text (an Action.Submit in Teams) reaches the waiting prompt or step.</summary>
public sealed class ValueOnlyMessageTests
{
    [Fact]
    public async Task ATextPrompt_IsAnsweredByASubmitsTextProperty_AndTheWaterfallAdvances()
    {
        var root = Root(
            new WaterfallDialog("main", [
                PromptStep("text", "What happened?"),
                ReplyStep(step => $"noted: {step.Result}"),
                PromptStep("text", "Anything else?"),
            ]),
            new TextPrompt("text"));
        var harness = new DialogTestHarness(root);

        await harness.Flow()
            .Send("hi")
            .AssertReply("What happened?")
            .Send(DialogTestHarness.Submit(new { text = "I lifted a box" }))
            .AssertReply("noted: I lifted a box")
            .AssertReply("Anything else?")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
    }

    [Fact]
    public async Task ANumberPrompt_IsAnsweredByASubmitsNumberProperty()
    {
        var root = Root(
            new WaterfallDialog("main", [
                PromptStep("number", "How bad, 0 to 10?"),
                ReplyStep(step => $"score {step.Result}"),
            ]),
            new NumberPrompt<int>("number"));
        var harness = new DialogTestHarness(root);

        await harness.Flow()
            .Send("hi")
            .AssertReply("How bad, 0 to 10?")
            .Send(DialogTestHarness.Submit(new { number = 6 }))
            .AssertReply("score 6")
            .StartTestAsync();
    }

    [Fact]
    public async Task AStepWaitingWithoutAPrompt_GetsTheSubmittedValue()
    {
        var root = Root(new WaterfallDialog("main", [
            async (step, ct) =>
            {
                await step.SayAsync("Fill in the card", ct);
                return Dialog.EndOfTurn;
            },
            ReplyStep(step => $"rating {Assert.IsType<JObject>(step.Result)["rating"]}"),
        ]));
        var harness = new DialogTestHarness(root);

        await harness.Flow()
            .Send("hi")
            .AssertReply("Fill in the card")
            .Send(DialogTestHarness.Submit(new { rating = 4 }))
            .AssertReply("rating 4")
            .StartTestAsync();
    }

    [Fact]
    public async Task ASubmit_ReachesAChoicePromptInsideNestedComponents_AndTheResultFlowsUp()
    {
        var inner = Component(
            "inner",
            new WaterfallDialog("innerSteps", [
                (step, ct) => step.PromptAsync("choice", Ask("Which?", null, "Left", "Right", "Both", "Neither"), ct),
                (step, ct) => step.EndDialogAsync(((FoundChoice)step.Result!).Value, ct),
            ]),
            new ChoicePrompt("choice"));
        var root = Root(
            new WaterfallDialog("main", [
                (step, ct) => step.BeginDialogAsync("middle", null, ct),
                ReplyStep(step => $"side: {step.Result}"),
            ]),
            Component("middle", new WaterfallDialog("middleSteps", [(step, ct) => step.BeginDialogAsync("inner", null, ct)]), inner));
        var harness = new DialogTestHarness(root, channelId: "msteams");

        await harness.Flow()
            .Send("hi")
            .AssertReply(reply => Assert.Single(reply.AsMessageActivity().Attachments))
            .Send(DialogTestHarness.Submit(new { choice = "Both" }))
            .AssertReply("side: Both")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, harness.TurnResults[^1].Status);
    }
}

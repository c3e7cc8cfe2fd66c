using BackCare.Bot.DialogEngine;
using Microsoft.Bot.Builder;

namespace BackCare.Bot.Tests.DialogEngine;

public sealed class ChildContextTests
{
    [Fact]
    public async Task Child_and_Leaf_reach_the_prompt_waiting_inside_nested_components()
    {
        var inner = TestDialogs.Component("inner",
            new WaterfallDialog("innerFlow", [TestDialogs.PromptStep("ask", "Your name?")]),
            new TextPrompt("ask"));
        var outer = TestDialogs.Component("outer", new WaterfallDialog("outerFlow", [(step, ct) => step.BeginDialogAsync("inner", null, ct)]), inner);
        var set = new DialogSet();
        set.Add(outer);

        var harness = new DialogTestHarness(outer);
        await harness.Flow()
            .Send("hi").AssertReply("Your name?")
            .StartTestAsync();

        var state = await harness.ReadSavedDialogStateAsync();
        var turnContext = new TurnContext(harness.Adapter, DialogTestHarness.Message("x"));
        var seen = new DialogContext(set, turnContext, state);

        Assert.Equal("outer", seen.ActiveDialog!.Id);
        Assert.Equal("inner", seen.Child!.ActiveDialog!.Id);
        Assert.Equal("ask", seen.Child!.Child!.ActiveDialog!.Id);
        Assert.Equal("ask", seen.Leaf.ActiveDialog!.Id);
        Assert.IsType<TextPrompt>(seen.Leaf.FindDialog("ask"));
        Assert.Null(seen.Leaf.Child);
    }

    [Fact]
    public void Leaf_of_a_stack_without_components_is_itself()
    {
        var set = new DialogSet().Add(new TextPrompt("ask"));
        var state = new DialogState { DialogStack = [new DialogInstance { Id = "ask" }] };
        var dc = new DialogContext(set, new TurnContext(new Microsoft.Bot.Builder.Adapters.TestAdapter(), DialogTestHarness.Message("x")), state);

        Assert.Null(dc.Child);
        Assert.Same(dc, dc.Leaf);
    }
}

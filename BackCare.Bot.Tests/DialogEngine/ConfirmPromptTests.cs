using BackCare.Bot.DialogEngine;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using static BackCare.Bot.Tests.DialogEngine.TestDialogs;

namespace BackCare.Bot.Tests.DialogEngine;

/// <summary>ConfirmPrompt: typed yes/no, button titles, card submits and its buttons.</summary>
public sealed class ConfirmPromptTests
{
    private static DialogTestHarness Harness(PromptOptions? options = null, ConfirmPrompt? prompt = null) => new(Root(
        new WaterfallDialog("main", [
            (step, ct) => step.PromptAsync("confirm", options ?? Ask("Shall we go on?", "Please answer yes or no."), ct),
            ReplyStep(step => $"confirmed: {step.Result}"),
        ]),
        prompt ?? new ConfirmPrompt("confirm")));

    private static TestFlow Asked(DialogTestHarness harness) => harness.Flow().Send("hi").AssertReply("Shall we go on?");

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yes", true)]
    [InlineData("y", true)]
    [InlineData("yep", true)]
    [InlineData("yeah", true)]
    [InlineData("sure", true)]
    [InlineData("ok", true)]
    [InlineData("OK!", true)]
    [InlineData("no", false)]
    [InlineData("n", false)]
    [InlineData("nope", false)]
    [InlineData("nah", false)]
    [InlineData("no thanks", false)]
    [InlineData("not really", false)]
    [InlineData("nah, nothing like that, I'm grand", false)]
    [InlineData("nope, all ok here", false)]
    [InlineData("naw I feel fine apart from the stiffness", false)]
    [InlineData("aye, since last week", true)]
    [InlineData("yep, that's fine", true)]
    public async Task TypedAnswers_AreUnderstood(string answer, bool expected)
    {
        var harness = Harness();

        await Asked(harness)
            .Send(answer)
            .AssertReply($"confirmed: {expected}")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
    }

    [Theory]
    [InlineData("purple")]
    [InlineData("not sure")]
    [InlineData("maybe")]
    [InlineData("yes and no")]
    [InlineData("not really sure")]
    public async Task UnclearAnswers_GetTheRetryPrompt(string answer)
    {
        var harness = Harness();

        await Asked(harness)
            .Send(answer)
            .AssertReply("Please answer yes or no.")
            .Send("yes")
            .AssertReply("confirmed: True")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("Let's do it", true)]
    [InlineData("skip for today", false)]
    [InlineData("1", true)]
    [InlineData("2", false)]
    public async Task CustomButtonTitles_AreUnderstood_FirstIsYes(string answer, bool expected)
    {
        var harness = Harness(Ask("Shall we go on?", null, "Let's do it", "Skip for today"));

        await Asked(harness)
            .Send(answer)
            .AssertReply($"confirmed: {expected}")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("Go on", true)]
    [InlineData("Later", false)]
    public async Task ConfirmChoices_RenameTheButtons_AndTheirTitlesAnswer(string answer, bool expected)
    {
        var harness = Harness(prompt: new ConfirmPrompt("confirm") { ConfirmChoices = ("Go on", "Later") });

        await harness.Flow()
            .Send("hi")
            .AssertReply(reply => Assert.Equal(["Go on", "Later"], reply.AsMessageActivity().SuggestedActions.Actions.Select(a => a.Title)))
            .Send(answer)
            .AssertReply($"confirmed: {expected}")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("{\"confirm\": true}", true)]
    [InlineData("{\"confirm\": false}", false)]
    [InlineData("{\"confirm\": \"yes\"}", true)]
    [InlineData("{\"choice\": \"No\"}", false)]
    [InlineData("{\"choice\": \"Yes\"}", true)]
    public async Task ACardSubmitWithValueAndNoText_IsUnderstood(string submitData, bool expected)
    {
        var harness = Harness();
        var submit = DialogTestHarness.Submit(Newtonsoft.Json.Linq.JObject.Parse(submitData));
        Assert.Null(submit.Text);

        await Asked(harness)
            .Send(submit)
            .AssertReply($"confirmed: {expected}")
            .StartTestAsync();
    }

    [Fact]
    public async Task ACardSubmitWithoutAnAnswer_GetsTheRetryPrompt()
    {
        var harness = Harness();

        await Asked(harness)
            .Send(DialogTestHarness.Submit(new { somethingElse = "x" }))
            .AssertReply("Please answer yes or no.")
            .StartTestAsync();
    }

    [Fact]
    public async Task ThePrompt_ShowsYesAndNoAsButtons()
    {
        var harness = Harness();

        await harness.Flow()
            .Send("hi")
            .AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.Equal("Shall we go on?", message.Text);
                var actions = message.SuggestedActions.Actions;
                Assert.Equal(["Yes", "No"], actions.Select(a => a.Title));
                Assert.Equal(["Yes", "No"], actions.Select(a => a.Value));
                Assert.All(actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
            })
            .StartTestAsync();
    }

    [Fact]
    public void RecognizeYesNo_ReturnsNullForNothingOrBoth()
    {
        Assert.Null(ConfirmPrompt.RecognizeYesNo(null));
        Assert.Null(ConfirmPrompt.RecognizeYesNo("   "));
        Assert.Null(ConfirmPrompt.RecognizeYesNo("no idea"));
        Assert.True(ConfirmPrompt.RecognizeYesNo("Yes please"));
        Assert.False(ConfirmPrompt.RecognizeYesNo("No thank you"));
    }
}

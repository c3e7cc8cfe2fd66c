using BackCare.Bot.DialogEngine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using static BackCare.Bot.Tests.DialogEngine.TestDialogs;

namespace BackCare.Bot.Tests.DialogEngine;

/// <summary>TextPrompt, NumberPrompt, validators, retry prompts and the attempt limit.</summary>
public sealed class PromptTests
{
    /// <summary>A root that asks once with <paramref name="options"/> and reports what the step received.</summary>
    private static ComponentDialog AskOnce(Dialog prompt, PromptOptions options) => Root(
        new WaterfallDialog("main", [
            (step, ct) => step.PromptAsync(prompt.Id, options, ct),
            ReplyStep(step => step.Result is null ? "result: null" : $"result: {step.Result} ({step.Result.GetType().Name})"),
        ]),
        prompt);

    [Fact]
    public async Task TextPrompt_ReturnsTheTrimmedText()
    {
        var harness = new DialogTestHarness(AskOnce(new TextPrompt("text"), Ask("Your name?")));

        await harness.Flow()
            .Send("hi")
            .AssertReply("Your name?")
            .Send("  Ann Smith  ")
            .AssertReply("result: Ann Smith (String)")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
    }

    [Fact]
    public async Task TextPrompt_RejectsWhitespace_WithTheRetryPrompt()
    {
        var harness = new DialogTestHarness(AskOnce(new TextPrompt("text"), Ask("Your name?", "Please type your name.")));

        await harness.Flow()
            .Send("hi")
            .AssertReply("Your name?")
            .Send("   ")
            .AssertReply("Please type your name.")
            .Send("Ann")
            .AssertReply("result: Ann (String)")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("seven", 7)]
    [InlineData("12", 12)]
    [InlineData("I'm 33", 33)]
    public async Task NumberPromptOfInt_UnderstandsDigitsAndWords(string answer, int expected)
    {
        var harness = new DialogTestHarness(AskOnce(new NumberPrompt<int>("number"), Ask("How many?")));

        await harness.Flow()
            .Send("hi")
            .AssertReply("How many?")
            .Send(answer)
            .AssertReply($"result: {expected} (Int32)")
            .StartTestAsync();
    }

    [Fact]
    public async Task NumberPromptOfInt_RejectsAFraction_AndNumberPromptOfDoubleTakesIt()
    {
        var ints = new DialogTestHarness(AskOnce(new NumberPrompt<int>("number"), Ask("How many?", "Whole numbers only.")));
        await ints.Flow()
            .Send("hi")
            .AssertReply("How many?")
            .Send("two and a half")
            .AssertReply("Whole numbers only.")
            .StartTestAsync();

        var doubles = new DialogTestHarness(AskOnce(new NumberPrompt<double>("number"), Ask("How much?")));
        await doubles.Flow()
            .Send("hi")
            .AssertReply("How much?")
            .Send("two and a half")
            .AssertReply("result: 2.5 (Double)")
            .StartTestAsync();
    }

    [Fact]
    public async Task InvalidInput_IsAnsweredWithTheRetryPrompt()
    {
        var harness = new DialogTestHarness(AskOnce(new NumberPrompt<int>("number"), Ask("How many?", "Please type a number, like 3.")));

        await harness.Flow()
            .Send("hi")
            .AssertReply("How many?")
            .Send("banana")
            .AssertReply("Please type a number, like 3.")
            .Send("still no")
            .AssertReply("Please type a number, like 3.")
            .Send("3")
            .AssertReply("result: 3 (Int32)")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
    }

    [Fact]
    public async Task InvalidInput_WithoutARetryPrompt_RepeatsThePrompt()
    {
        var harness = new DialogTestHarness(AskOnce(new NumberPrompt<int>("number"), Ask("How many?")));

        await harness.Flow()
            .Send("hi")
            .AssertReply("How many?")
            .Send("banana")
            .AssertReply("How many?")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
    }

    [Fact]
    public async Task CustomValidator_RejectsThenAccepts_AndSeesEveryAttempt()
    {
        var seen = new List<string>();
        PromptValidator<int> oneToTen = (prompt, ct) =>
        {
            seen.Add($"{prompt.AttemptCount}:{prompt.Recognized.Succeeded}:{prompt.Recognized.Value}");
            return Task.FromResult(prompt.Recognized.Succeeded && prompt.Recognized.Value is >= 1 and <= 10);
        };
        var harness = new DialogTestHarness(AskOnce(new NumberPrompt<int>("number", oneToTen), Ask("Pain from 1 to 10?", "From 1 to 10, please.")));

        await harness.Flow()
            .Send("hi")
            .AssertReply("Pain from 1 to 10?")
            .Send("12")
            .AssertReply("From 1 to 10, please.")
            .Send("lots")
            .AssertReply("From 1 to 10, please.")
            .Send("7")
            .AssertReply("result: 7 (Int32)")
            .StartTestAsync();

        harness.AssertNoPendingReplies();

        // The validator is also called when recognition failed ("lots"), as in the official library.
        Assert.Equal(["1:True:12", "2:False:0", "3:True:7"], seen);
    }

    [Fact]
    public async Task RetryPrompt_IsNotSent_WhenTheValidatorAlreadyRepliedThisTurn()
    {
        PromptValidator<int> upToTen = async (prompt, ct) =>
        {
            if (prompt.Recognized.Succeeded && prompt.Recognized.Value > 10)
            {
                await prompt.Context.SendActivityAsync(MessageFactory.Text($"{prompt.Recognized.Value} is more than 10."), ct);
                return false;
            }

            return prompt.Recognized.Succeeded;
        };
        var harness = new DialogTestHarness(AskOnce(new NumberPrompt<int>("number", upToTen), Ask("Pain from 1 to 10?", "RETRY PROMPT")));

        await harness.Flow()
            .Send("hi")
            .AssertReply("Pain from 1 to 10?")
            .Send("12")
            .AssertReply("12 is more than 10.")
            .Do(harness.AssertNoPendingReplies)

            // A rejection the validator stays silent about still gets the retry prompt.
            .Send("nope")
            .AssertReply("RETRY PROMPT")
            .Send("4")
            .AssertReply("result: 4 (Int32)")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
    }

    [Fact]
    public async Task AttemptLimit_FromTheOptions_SendsTheGiveUpMessageAndTheStepGetsNull()
    {
        var options = Ask("How many?", "A number, please.");
        options.MaxAttempts = 2;
        options.TooManyAttemptsMessage = MessageFactory.Text("Let's skip that one.");
        var harness = new DialogTestHarness(AskOnce(new NumberPrompt<int>("number"), options));

        await harness.Flow()
            .Send("hi")
            .AssertReply("How many?")
            .Send("banana")
            .AssertReply("A number, please.")
            .Send("apple")
            .AssertReply("Let's skip that one.")
            .AssertReply("result: null")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
        Assert.Equal(DialogTurnStatus.Complete, harness.TurnResults[^1].Status);
        Assert.Empty((await harness.ReadSavedDialogStateAsync()).DialogStack);
    }

    [Fact]
    public async Task AttemptLimit_FromThePrompt_DefaultsToThree_WithADefaultMessage()
    {
        var prompt = new NumberPrompt<int>("number");
        Assert.Equal(3, prompt.MaxAttempts);
        var harness = new DialogTestHarness(AskOnce(prompt, Ask("How many?", "A number, please.")));

        await harness.Flow()
            .Send("hi")
            .AssertReply("How many?")
            .Send("a")
            .AssertReply("A number, please.")
            .Send("b")
            .AssertReply("A number, please.")
            .Send("c")
            .AssertReply(reply => Assert.Contains("leave that question", reply.AsMessageActivity().Text))
            .AssertReply("result: null")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
    }

    [Fact]
    public async Task AttemptLimit_SetOnThePrompt_IsUsedWhenTheOptionsHaveNone()
    {
        var prompt = new TextPrompt("text") { MaxAttempts = 1 };
        var options = Ask("Name?", "RETRY PROMPT");
        options.TooManyAttemptsMessage = MessageFactory.Text("Never mind.");
        var harness = new DialogTestHarness(AskOnce(prompt, options));

        await harness.Flow()
            .Send("hi")
            .AssertReply("Name?")
            .Send(" ")
            .AssertReply("Never mind.")
            .AssertReply("result: null")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
    }

    [Fact]
    public async Task ANonMessageActivity_NeitherAnswersNorCountsAsAnAttempt()
    {
        var options = Ask("How many?", "A number, please.");
        options.MaxAttempts = 1;
        options.TooManyAttemptsMessage = MessageFactory.Text("Giving up.");
        var harness = new DialogTestHarness(AskOnce(new NumberPrompt<int>("number"), options));

        await harness.Flow()
            .Send("hi")
            .AssertReply("How many?")
            .Send(new Activity { Type = ActivityTypes.Event, Name = "somethingHappened", Value = "5" })
            .Send(new Activity { Type = ActivityTypes.Typing })
            .Do(harness.AssertNoPendingReplies)
            .Send("5")
            .AssertReply("result: 5 (Int32)")
            .StartTestAsync();
    }

    [Fact]
    public async Task PromptAsync_WithoutOptions_Throws()
    {
        var root = Root(
            new WaterfallDialog("main", [(step, ct) => step.PromptAsync("text", null!, ct)]),
            new TextPrompt("text"));
        var harness = new DialogTestHarness(root);

        await Assert.ThrowsAsync<ArgumentNullException>(() => harness.Flow().Send("hi").StartTestAsync());
    }
}

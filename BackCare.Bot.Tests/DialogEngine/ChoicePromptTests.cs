using BackCare.Bot.DialogEngine;
using BackCare.Bot.DialogEngine.Choices;
using static BackCare.Bot.Tests.DialogEngine.TestDialogs;

namespace BackCare.Bot.Tests.DialogEngine;

/// <summary>ChoicePrompt recognition: by title, part of a title, number, ordinal, typo, synonym and card submit.</summary>
public sealed class ChoicePromptTests
{
    private static readonly string[] Activities = ["Morning walk", "Lunchtime yoga", "Evening swim"];

    private static DialogTestHarness Harness(PromptOptions? options = null) => new(Root(
        new WaterfallDialog("main", [
            (step, ct) => step.PromptAsync("choice", options ?? Ask("Which one?", "Pick one of the three, please.", Activities), ct),
            ReplyStep(step =>
            {
                var found = Assert.IsType<FoundChoice>(step.Result);
                return $"picked {found.Value} #{found.Index}";
            }),
        ]),
        new ChoicePrompt("choice")));

    [Theory]
    [InlineData("Lunchtime yoga", "Lunchtime yoga", 1)]
    [InlineData("  lunchtime YOGA! ", "Lunchtime yoga", 1)]
    [InlineData("yoga", "Lunchtime yoga", 1)]
    [InlineData("the swim please", "Evening swim", 2)]
    [InlineData("2", "Lunchtime yoga", 1)]
    [InlineData("two", "Lunchtime yoga", 1)]
    [InlineData("the second one", "Lunchtime yoga", 1)]
    [InlineData("third", "Evening swim", 2)]
    [InlineData("last", "Evening swim", 2)]
    [InlineData("the last one", "Evening swim", 2)]
    [InlineData("moring", "Morning walk", 0)]
    [InlineData("lunchtme", "Lunchtime yoga", 1)]
    [InlineData("evenning", "Evening swim", 2)]
    public async Task TypedAnswers_PickTheRightChoice(string answer, string expected, int index)
    {
        var harness = Harness();

        await harness.Flow()
            .Send("hi")
            .AssertReply("Which one?")
            .Send(answer)
            .AssertReply($"picked {expected} #{index}")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("4")]
    [InlineData("the fifth one")]
    public async Task AnswersMatchingNoChoice_GetTheRetryPrompt(string answer)
    {
        var harness = Harness();

        await harness.Flow()
            .Send("hi")
            .AssertReply("Which one?")
            .Send(answer)
            .AssertReply(reply => Assert.Equal("Pick one of the three, please.", reply.AsMessageActivity().Text))
            .Send("1")
            .AssertReply("picked Morning walk #0")
            .StartTestAsync();
    }

    [Fact]
    public async Task ACardSubmitOfTheChoiceValue_WithNoText_PicksIt()
    {
        var harness = Harness();

        await harness.Flow()
            .Send("hi")
            .AssertReply("Which one?")
            .Send(DialogTestHarness.Submit(new { choice = "Evening swim" }))
            .AssertReply("picked Evening swim #2")
            .StartTestAsync();
    }

    [Fact]
    public async Task ACardSubmitSentAsAJsonString_PicksIt()
    {
        var harness = Harness();
        var submit = DialogTestHarness.Submit("{\"choice\":\"Morning walk\"}");
        Assert.IsType<string>(submit.Value);

        await harness.Flow()
            .Send("hi")
            .AssertReply("Which one?")
            .Send(submit)
            .AssertReply("picked Morning walk #0")
            .StartTestAsync();
    }

    [Fact]
    public async Task Synonyms_PickTheirChoice_AndTheValueIsWhatIsReturned()
    {
        var options = Ask("Which one?");
        options.Choices =
        [
            new Choice("walk") { Synonyms = ["stroll", "hike"] },
            new Choice("swim") { Synonyms = ["pool"] },
        ];
        var harness = Harness(options);

        await harness.Flow()
            .Send("hi")
            .AssertReply("Which one?")
            .Send("the pool")
            .AssertReply("picked swim #1")
            .StartTestAsync();
    }

    [Fact]
    public void Recognize_PrefersAnExactTitleOverANumber_AndRefusesATie()
    {
        var numbered = ChoiceFactory.ToChoices(["3", "2", "1"]);
        Assert.Equal(1, ChoiceRecognizer.Recognize("2", numbered)?.Index);

        var tied = ChoiceFactory.ToChoices(["Morning walk", "Evening walk"]);
        Assert.Null(ChoiceRecognizer.Recognize("walk", tied));

        Assert.Null(ChoiceRecognizer.Recognize("", tied));
        Assert.Null(ChoiceRecognizer.Recognize("walk", []));
    }
}

using BackCare.Bot.DialogEngine;
using BackCare.Bot.DialogEngine.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using static BackCare.Bot.Tests.DialogEngine.TestDialogs;

namespace BackCare.Bot.Tests.DialogEngine;

/// <summary>How ChoicePrompt and ConfirmPrompt show their choices on each channel.</summary>
public sealed class ChoiceRenderingTests
{
    private static readonly string[] Three = ["Morning walk", "Lunchtime yoga", "Evening swim"];
    private static readonly string[] Four = ["Morning walk", "Lunchtime yoga", "Evening swim", "Night stretch"];

    private static DialogTestHarness Harness(string channelId, PromptOptions options) => new(
        Root(
            new WaterfallDialog("main", [
                (step, ct) => step.PromptAsync("choice", options, ct),
                ReplyStep(step => $"picked {((FoundChoice)step.Result!).Value}"),
            ]),
            new ChoicePrompt("choice")),
        channelId: channelId);

    [Theory]
    [InlineData("emulator")]
    [InlineData("test")]
    [InlineData("msteams")]
    public async Task ThreeChoices_AreSuggestedActions(string channelId)
    {
        var harness = Harness(channelId, Ask("Which one?", null, Three));

        await harness.Flow()
            .Send("hi")
            .AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.Equal(channelId, reply.ChannelId);
                Assert.Equal("Which one?", message.Text);
                Assert.Empty(message.Attachments ?? []);
                var actions = message.SuggestedActions.Actions;
                Assert.Equal(Three, actions.Select(a => a.Title));
                Assert.Equal(Three, actions.Select(a => (string)a.Value));
                Assert.All(actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
            })
            .Send("Evening swim")
            .AssertReply("picked Evening swim")
            .StartTestAsync();
    }

    [Fact]
    public async Task MoreThanThreeChoicesOnTeams_AreAnAdaptiveCardWhoseButtonsSubmitTheChoice()
    {
        var harness = Harness("msteams", Ask("Which one?", null, Four));
        JObject? card = null;

        await harness.Flow()
            .Send("hi")
            .AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.Null(message.SuggestedActions);
                var attachment = Assert.Single(message.Attachments);
                Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
                card = Assert.IsType<JObject>(attachment.Content);
            })
            .StartTestAsync();

        Assert.NotNull(card);
        Assert.Equal("AdaptiveCard", (string?)card["type"]);

        // The question is in the card, since the card is the whole message.
        Assert.Contains(card["body"]!, e => (string?)e["type"] == "TextBlock" && (string?)e["text"] == "Which one?");

        var actions = card.SelectTokens("$..actions[*]").ToList();
        Assert.Equal(Four, actions.Select(a => (string?)a["title"]));
        Assert.All(actions, a => Assert.Equal("Action.Submit", (string?)a["type"]));

        // Data must be an object (Teams sends an object back as Value), holding the choice's value.
        Assert.All(actions, a => Assert.Equal(JTokenType.Object, a["data"]!.Type));
        Assert.Equal(Four, actions.Select(a => (string?)a["data"]!["choice"]));

        // What a button sends back answers the prompt.
        var fourthButton = (JObject)actions[3]["data"]!;
        await harness.Flow()
            .Send(DialogTestHarness.Submit(fourthButton.DeepClone()))
            .AssertReply("picked Night stretch")
            .StartTestAsync();
    }

    [Fact]
    public async Task OnAnUnknownChannel_TheChoicesAreANumberedList()
    {
        var harness = Harness("some-sms-gateway", Ask("Which one?", null, Three));

        await harness.Flow()
            .Send("hi")
            .AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.Equal("Which one?\n\n1. Morning walk\n\n2. Lunchtime yoga\n\n3. Evening swim", message.Text);
                Assert.Null(message.SuggestedActions);
                Assert.Empty(message.Attachments ?? []);
            })
            .Send("3")
            .AssertReply("picked Evening swim")
            .StartTestAsync();
    }

    [Fact]
    public async Task TheRetryPrompt_IsRenderedWithTheChoicesToo()
    {
        var harness = Harness("some-sms-gateway", Ask("Which one?", "Please pick a number:", Three));

        await harness.Flow()
            .Send("hi")
            .AssertReply(reply => Assert.StartsWith("Which one?", reply.AsMessageActivity().Text))
            .Send("banana")
            .AssertReply("Please pick a number:\n\n1. Morning walk\n\n2. Lunchtime yoga\n\n3. Evening swim")
            .StartTestAsync();
    }

    [Fact]
    public async Task AStyleInTheOptions_OverridesTheChannelsDefault()
    {
        var options = Ask("Which one?", null, Three);
        options.Style = ListStyle.Inline;
        var harness = Harness("emulator", options);

        await harness.Flow()
            .Send("hi")
            .AssertReply(reply =>
            {
                var message = reply.AsMessageActivity();
                Assert.Equal("Which one? Morning walk, Lunchtime yoga, or Evening swim", message.Text);
                Assert.Null(message.SuggestedActions);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task ConfirmPromptOnTeams_UsesSuggestedActions()
    {
        var harness = new DialogTestHarness(
            Root(new WaterfallDialog("main", [(step, ct) => step.PromptAsync("confirm", Ask("Ready?"), ct)]), new ConfirmPrompt("confirm")),
            channelId: "msteams");

        await harness.Flow()
            .Send("hi")
            .AssertReply(reply => Assert.Equal(["Yes", "No"], reply.AsMessageActivity().SuggestedActions.Actions.Select(a => a.Title)))
            .StartTestAsync();
    }

    [Fact]
    public void ChannelCapabilities_KnowTeamsLimitAndUnknownChannels()
    {
        Assert.Equal(3, ChannelCapabilities.MaxSuggestedActions("msteams"));
        Assert.Equal(3, ChannelCapabilities.MaxSuggestedActions("MSTeams"));
        Assert.Equal(0, ChannelCapabilities.MaxSuggestedActions("some-sms-gateway"));
        Assert.Equal(0, ChannelCapabilities.MaxSuggestedActions(null));
        Assert.True(ChannelCapabilities.SupportsSuggestedActions("emulator", 10));
        Assert.False(ChannelCapabilities.SupportsSuggestedActions("msteams", 4));
        Assert.True(ChannelCapabilities.SupportsAdaptiveCards("msteams"));
        Assert.False(ChannelCapabilities.SupportsAdaptiveCards("some-sms-gateway"));
    }

    [Fact]
    public void ChoiceFactory_WithNoChoices_SendsJustTheText()
    {
        var message = ChoiceFactory.ForChannel("emulator", [], "Anything else?");

        Assert.Equal("Anything else?", message.Text);
        Assert.Null(message.SuggestedActions);
        Assert.Empty(message.Attachments ?? []);
        Assert.Equal("Anything else? A or B", ChoiceFactory.ForChannel("test", ChoiceFactory.ToChoices(["A", "B"]), "Anything else?", ListStyle.Inline).Text);
        Assert.Equal(MessageFactory.Text("x").Type, message.Type);
    }
}

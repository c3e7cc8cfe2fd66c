using System.Text;
using BackCare.Bot.CardRendering;
using BackCare.Bot.Pictures;
using BackCare.Bot.Tests.Conversation;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Pictures;

public sealed class StepCardPictureTests
{
    /// <summary>Teams refuses a bot message larger than about 28 KB (the card validator's figure).</summary>
    private const int TeamsMessageLimitBytes = 28 * 1024;

    private const string PublicBaseUrl = "https://backcare.example.com";

    private static readonly Dictionary<string, string?> WithPublicAddress = new() { ["BackCare:PublicBaseUrl"] = PublicBaseUrl + "/" };

    [Theory]
    [MemberData(nameof(PictureSteps.All), MemberType = typeof(PictureSteps))]
    public async Task Every_step_card_carrying_its_picture_inline_stays_under_the_Teams_message_limit(string techniqueId, string caution, int index)
    {
        await using var bot = new BotHarness();
        var technique = PictureSteps.Find(techniqueId, caution);

        var card = StepCard(bot, technique, index);

        var image = Image(card);
        Assert.StartsWith("data:image/png;base64,", (string)image["url"]!, StringComparison.Ordinal);
        Assert.Equal(PictureSteps.Cache.For(technique, index)!.AltText, (string?)image["altText"]);
        var bytes = Encoding.UTF8.GetByteCount(JsonConvert.SerializeObject(card, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }));
        Assert.True(bytes < TeamsMessageLimitBytes, $"the card's message is {bytes} bytes");
    }

    [Fact]
    public async Task With_a_public_address_the_card_points_to_the_picture_on_the_bot()
    {
        await using var bot = new BotHarness(settings: WithPublicAddress);
        var technique = PictureSteps.Knowledge.FindTechnique("knee-to-chest")!;

        var url = (string)Image(StepCard(bot, technique, 3))["url"]!;

        var version = PictureSteps.Cache.Find("knee-to-chest", 4)!.Version;
        Assert.Equal($"{PublicBaseUrl}/images/steps/knee-to-chest/4.png?v={version}", url);
    }

    [Fact]
    public async Task An_adapted_technique_points_to_its_own_pictures()
    {
        await using var bot = new BotHarness(settings: WithPublicAddress);
        var technique = PictureSteps.Knowledge.FindTechnique("childs-pose")!.AdaptedFor(["pregnancy"]);

        var url = (string)Image(StepCard(bot, technique, 2))["url"]!;

        Assert.StartsWith($"{PublicBaseUrl}/images/steps/childs-pose-for-pregnancy/3.png?v=", url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inline_picture_is_the_one_drawn_at_start_up_not_drawn_again_for_the_turn()
    {
        await using var bot = new BotHarness();
        var technique = PictureSteps.Knowledge.FindTechnique("childs-pose")!;
        var urls = bot.Service<StepImageUrls>();

        // The same string instance each time: the data URI is built once, with the picture, and only looked up per card.
        Assert.Same(urls.For(technique, 1)!.Url, urls.For(technique, 1)!.Url);
        Assert.Same(bot.Service<StepImageCache>().For(technique, 1)!.DataUri, urls.For(technique, 1)!.Url);
    }

    [Fact]
    public async Task A_walkthrough_in_Teams_shows_each_steps_picture_with_its_alt_text_and_the_text_stays()
    {
        await using var bot = new BotHarness();
        var (_, picker) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.AllClear);
        var technique = bot.Knowledge.FindTechnique("standing-back-extension")!;

        var first = await bot.ClickAsync(Replies.Last(picker), "Start " + technique.Name);
        var second = await bot.ClickAsync(Replies.Last(first), "Next");

        foreach (var (card, index) in new[] { (Replies.Last(first), 0), (Replies.Last(second), 1) })
        {
            var image = Image(card);
            Assert.Equal(PictureSteps.Cache.For(technique, index)!.DataUri, (string?)image["url"]);
            Assert.Equal(PictureSteps.Cache.For(technique, index)!.AltText, (string?)image["altText"]);
            Assert.Contains(technique.Steps[index].Text, Replies.Text(card), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_pregnant_user_sees_the_adapted_pictures_in_the_walkthrough()
    {
        await using var bot = new BotHarness(settings: WithPublicAddress);
        var (_, picker) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.YesTo(bot, "pregnancy"));
        var adapted = bot.Knowledge.FindTechnique("childs-pose")!.AdaptedFor(["pregnancy"]);

        var first = await bot.ClickAsync(Replies.Last(picker), "Start " + adapted.Name);

        var url = (string)Image(Replies.Last(first))["url"]!;
        Assert.StartsWith($"{PublicBaseUrl}/images/steps/childs-pose-for-pregnancy/1.png?v=", url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_step_card_drops_the_picture_with_the_text()
    {
        await using var bot = new BotHarness();
        var replies = bot.Service<BackCareReplies>();

        var closed = replies.ClosedStep(PictureSteps.Knowledge.FindTechnique("childs-pose")!, 1, bot.Messages.StepCardStopped);

        Assert.DoesNotContain(Replies.Cards(closed).SelectMany(c => c.Descendants().OfType<JObject>()), e => (string?)e["type"] == "Image");
    }

    [Fact]
    public async Task Outside_card_channels_the_step_still_reads_fully_as_text()
    {
        await using var bot = new BotHarness(channelId: "sms");
        var technique = PictureSteps.Knowledge.FindTechnique("knee-to-chest")!;

        var message = StepCard(bot, technique, 3, channelId: "sms");

        Assert.Empty(message.Attachments ?? []);
        Assert.Contains(technique.Steps[3].Text, message.Text, StringComparison.Ordinal);
    }

    /// <summary>The step's message as the bot would send it in the harness's channel, addressed like a reply.</summary>
    private static IMessageActivity StepCard(BotHarness bot, Bot.Content.Technique technique, int index, string channelId = "msteams")
    {
        var incoming = bot.Adapter.MakeActivity("next");
        incoming.ChannelId = channelId;
        using var turn = new TurnContext(bot.Adapter, incoming);
        var message = bot.Service<BackCareReplies>().Step(turn, technique, index);
        ((Activity)message).ApplyConversationReference(incoming.GetConversationReference());
        return message;
    }

    private static JObject Image(IActivity activity) =>
        Assert.Single(Replies.Cards(activity).SelectMany(c => c.Descendants().OfType<JObject>()), e => (string?)e["type"] == "Image");
}

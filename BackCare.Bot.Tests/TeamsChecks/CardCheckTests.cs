using BackCare.Bot.CardRendering;
using BackCare.Bot.Hosting;
using BackCare.Bot.Pictures;
using BackCare.Bot.TeamsPackage;
using BackCare.Bot.Tests.Pictures;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.TeamsChecks;

/// <summary>
/// The Adaptive Cards against Microsoft's adaptivecards library with Teams' host config (check-cards.mjs): the
/// templates in Cards/ as Microsoft's templating expands them with their samples, and every card the bot renders
/// from the real content with its own template code. The bad examples in TestData/bad-cards show the check can fail.
/// </summary>
public sealed class CardCheckTests(TeamsChecksFolder checks) : IClassFixture<TeamsChecksFolder>, IDisposable
{
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("backcare-cards-").FullName;

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);

    [Fact]
    public async Task Every_card_template_with_its_sample_passes_the_Teams_card_check()
    {
        var cards = Path.Combine(RepositoryLayout.FindRoot(AppContext.BaseDirectory)!, "Cards");
        var templates = Directory.GetFiles(cards, "*.json").Count(f => !f.EndsWith(".data.json", StringComparison.Ordinal));

        var result = await checks.CheckCardsAsync(cards);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"cards: {templates} checked, 0 errors", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_card_the_bot_renders_from_its_content_passes_the_Teams_card_check()
    {
        var written = 0;
        foreach (var (name, card) in CardsTheBotRenders())
        {
            await File.WriteAllTextAsync(Path.Combine(_workDirectory, $"{written++:D3}-{name}.json"), card.ToString());
        }

        var result = await checks.CheckCardsAsync(_workDirectory);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"cards: {written} checked, 0 errors", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("version-above-teams.json", "version 1.6 is above 1.5")]
    [InlineData("submit-data-not-object.json", "/actions/0: an Action.Submit's data must be an object")]
    [InlineData("unknown-element.json", "Unknown element type \"Countdown\"")]
    [InlineData("bad-property-value.json", "Invalid value \"Huge\" for property \"size\"")]
    [InlineData("text-block-without-text.json", "/body/1: TextBlock needs \"text\"")]
    [InlineData("too-many-actions.json", "TooManyActions")]
    [InlineData("template-without-sample.json", "template-without-sample.data.json is missing")]
    [InlineData("template-with-unknown-field.json", "left unexpanded with template-with-unknown-field.data.json: ${subtitle.text}")]
    public async Task The_card_check_rejects_what_Teams_would_not_show(string file, string problem)
    {
        var result = await checks.CheckCardsAsync(Path.Combine(checks.TestData, "bad-cards", file));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error {Path.Combine(checks.TestData, "bad-cards", file)}: ", result.Output, StringComparison.Ordinal);
        Assert.Contains(problem, result.Output, StringComparison.Ordinal);
    }

    /// <summary>Each kind of card the bot sends, open and closed, for every technique step and answer in the content.</summary>
    private static IEnumerable<(string Name, JObject Card)> CardsTheBotRenders()
    {
        var knowledge = PictureSteps.Knowledge;
        // No public address: every step card carries its picture inline, the largest a step card gets.
        var pictures = new StepImageUrls(PictureSteps.Cache, Options.Create(new BackCareOptions()));
        var replies = new BackCareReplies(knowledge, CardCatalog.Load(CardCatalog.DefaultDirectory), pictures);
        using var teams = new TurnContext(new TestAdapter(Channels.Msteams), new Activity(ActivityTypes.Message) { ChannelId = Channels.Msteams });
        var everyTag = knowledge.Messages.ReminderPrompts.SelectMany(p => p.Tags).ToHashSet(StringComparer.Ordinal);

        IEnumerable<(string, IMessageActivity)> Messages()
        {
            foreach (var technique in PictureSteps.AsShown())
            {
                for (var i = 0; i < technique.Steps.Count; i++)
                {
                    yield return ($"step-{technique.Id}{(technique.AdaptedForCaution is { } caution ? "-for-" + caution : "")}-{i}", replies.Step(teams, technique, i));
                    yield return ($"closed-step-{technique.Id}{(technique.AdaptedForCaution is { } closedCaution ? "-for-" + closedCaution : "")}-{i}", replies.ClosedStep(technique, i, "Finished. Nicely done."));
                }
            }

            foreach (var answer in knowledge.Answers)
            {
                yield return ($"answer-{answer.Id}", replies.Answer(teams, answer));
            }

            yield return ("urgent", replies.Urgent(teams));
            yield return ("urgent-reminder", replies.UrgentReminder(teams));
            yield return ("tips", replies.Tips(teams));
            yield return ("techniques", replies.TechniqueChoicePrompt(teams, knowledge.Techniques));
            yield return ("closed-techniques", replies.ClosedTechniquePicker(knowledge.Techniques[0]));
            yield return ("reminder", replies.Reminder(Channels.Msteams, 0, everyTag));
            yield return ("closed-reminder", replies.ClosedReminder("Done. See you at the next one."));
        }

        foreach (var (name, message) in Messages())
        {
            var attachment = Assert.Single(message.Attachments);
            Assert.Equal(AdaptiveCardContentType, attachment.ContentType);
            yield return (name.Replace(':', '-'), JObject.FromObject(attachment.Content));
        }
    }

    private const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
}

using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Conversation;

/// <summary>
/// Closing a step card is decoration: an emergency answer or "This hurts" is sent first and whatever happens to
/// the card update (a connector that never answers, a technique gone from the content) cannot stop or delay it.
/// </summary>
public sealed class SafetyBeforeCardsTests
{
    private const string TechniqueId = "knee-to-chest";
    private const string RedFlag = "I can't feel my legs and my back hurts";

    /// <summary>What a send throws when the connector has not answered in time.</summary>
    private static Exception ConnectorTimeout() => new TimeoutException("The connector did not answer.");

    [Fact]
    public async Task A_red_flag_mid_walkthrough_gets_the_emergency_answer_even_when_closing_the_card_times_out()
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, TechniqueId);
        bot.Adapter.UpdateFailure = ConnectorTimeout;

        var replies = await bot.SayAsync(RedFlag);

        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, Replies.AllText(replies), StringComparison.Ordinal);
        var after = await bot.SayAsync("my back is stiff");
        Assert.Contains(bot.Knowledge.Messages.UrgentReminder, Replies.AllText(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task This_hurts_gets_its_advice_even_when_closing_the_card_times_out()
    {
        await using var bot = new BotHarness();
        var card = Replies.Last(await WalkthroughTests.StartAsync(bot, TechniqueId));
        bot.Adapter.UpdateFailure = ConnectorTimeout;

        var replies = await bot.ClickAsync(card, "This hurts");

        Assert.Equal(bot.Messages.HurtsStop, Replies.Text(Assert.Single(replies)));
    }

    [Theory]
    [InlineData(RedFlag)]
    [InlineData("This hurts")]
    public async Task The_advice_goes_out_before_the_card_is_closed(string said)
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, TechniqueId);

        var replies = await bot.SayAsync(said);

        var advice = replies.FindIndex(r => !Replies.IsUpdate(r));
        var closed = replies.FindIndex(Replies.IsUpdate);
        Assert.True(advice >= 0 && closed >= 0, Replies.AllText(replies));
        Assert.True(advice < closed, $"advice at {advice}, card closed at {closed}");
    }

    [Fact]
    public async Task A_walkthrough_of_a_technique_no_longer_in_the_content_still_gets_the_emergency_answer()
    {
        var memory = new Dictionary<string, JObject>();
        await using var bot = new BotHarness(storage: new MemoryStorage(memory));
        await WalkthroughTests.StartAsync(bot, TechniqueId);

        // A redeploy renamed the technique: the stored walkthrough names one the content no longer has.
        foreach (var key in memory.Keys.ToList())
        {
            memory[key] = JObject.Parse(memory[key].ToString().Replace($"\"{TechniqueId}\"", "\"renamed-since\"", StringComparison.Ordinal));
        }

        var replies = await bot.SayAsync(RedFlag);

        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.DoesNotContain(replies, Replies.IsUpdate);
    }
}

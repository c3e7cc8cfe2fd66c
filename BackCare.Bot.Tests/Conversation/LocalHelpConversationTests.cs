using BackCare.Bot.Content;
using BackCare.Bot.Tests.Content;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace BackCare.Bot.Tests.Conversation;

/// <summary>
/// Emergency advice people can act on, in their own country's words: the number and the emergency department for the
/// locale the channel sends (Activity.Locale), always with "or your local emergency number"; how to get there; what to
/// say for the cauda equina signs (NHS cauda equina card); and no local help token ever shown as written.
/// </summary>
public sealed class LocalHelpConversationTests
{
    public static TheoryData<string?, string, string> Locales() => new()
    {
        { "en-GB", "999", "A&E" },
        { "en-US", "911", "the ER" },
        { "en-AU", "000", "the emergency department" },
        { "en-IE", "112 or 999", "A&E" },
        { "fr-FR", "112", "the emergency department (A&E / ER)" },
        { null, "112", "the emergency department (A&E / ER)" },
    };

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task The_urgent_card_names_the_local_number_and_emergency_department(string? locale, string number, string department)
    {
        await using var bot = new BotHarness(locale: locale);
        await bot.SayAsync("my back is stiff");

        var card = Assert.Single(await bot.SayAsync("yes"));

        var text = Replies.Text(card);
        Assert.Contains($"Call {number} (or your local emergency number) or go to {department} now.", text, StringComparison.Ordinal);
        Assert.Contains("Don't drive yourself", text, StringComparison.Ordinal);
        Assert.Contains("say you're worried about cauda equina", text, StringComparison.Ordinal);
        Assert.Contains(Replies.Buttons(card), b => b.Title == "I answered by mistake");

        // What Teams shows in a notification and reads aloud says the same.
        var content = Assert.Single(Replies.Cards(card));
        foreach (var property in new[] { "fallbackText", "speak" })
        {
            Assert.Contains($"Call {number} (or your local emergency number)", (string?)content[property], StringComparison.Ordinal);
            Assert.Contains("cauda equina", (string?)content[property], StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task The_reminder_of_an_emergency_answer_names_the_same_number(string? locale, string number, string department)
    {
        await using var bot = new BotHarness(locale: locale);
        await bot.SayAsync("my back is stiff");
        await bot.SayAsync("yes");

        var text = Replies.AllText(await bot.SayAsync("show me a stretch"));

        Assert.Contains($"Call {number} (or your local emergency number) or go to {department} now.", text, StringComparison.Ordinal);
        Assert.Contains("Don't drive yourself", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_cards_the_urgent_text_says_all_of_it_and_how_to_undo_a_mistake()
    {
        await using var bot = new BotHarness(channelId: "sms", locale: "en-US");
        await bot.SayAsync("my back is stiff");

        var text = Replies.AllText(await bot.SayAsync("yes"));

        Assert.Contains("Call 911 (or your local emergency number) or go to the ER now.", text, StringComparison.Ordinal);
        Assert.Contains("Don't drive yourself", text, StringComparison.Ordinal);
        Assert.Contains("cauda equina", text, StringComparison.Ordinal);
        Assert.Contains("check my answers again", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_locale_is_read_from_each_message_so_a_TestFlow_in_french_gets_112()
    {
        await using var bot = new BotHarness(locale: "fr-FR");

        await bot.Flow()
            .Send("what time is it in Tokyo")
            .AssertReply(reply =>
            {
                var text = Replies.Text(reply);
                Assert.Contains(bot.Messages.Fallback, text, StringComparison.Ordinal);
                Assert.Contains("call 112 (or your local emergency number) or go to the emergency department (A&E / ER) now", text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("what time is it in Tokyo")]
    [InlineData("how to crack software licenses")]
    public async Task The_fallback_carries_one_line_on_the_warning_signs_and_where_to_go(string question)
    {
        await using var bot = new BotHarness();

        var text = Replies.AllText(await bot.SayAsync(question));

        Assert.Contains(bot.Messages.Fallback, text, StringComparison.Ordinal);
        Assert.Contains("numbness around your bottom or genitals, new bladder or bowel changes, or weak legs", text, StringComparison.Ordinal);
        Assert.Contains("call 999 (or your local emergency number) or go to A&E now", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "999", "A&E")]
    [InlineData("en-AU", "000", "the emergency department")]
    public async Task This_hurts_says_when_to_see_someone_and_that_weak_legs_are_an_emergency(string locale, string number, string department)
    {
        await using var bot = new BotHarness(locale: locale);
        var step = await StartAsync(bot, "knee-to-chest");

        var replies = await bot.ClickAsync(Replies.Last(step), "This hurts");

        var text = Replies.Text(replies[0]);
        Assert.Contains("weakness in both legs", text, StringComparison.Ordinal);
        Assert.Contains("within a day or two", text, StringComparison.Ordinal);
        Assert.Contains("see a GP or physio", text, StringComparison.Ordinal);
        Assert.Contains($"call {number} (or your local emergency number) or go to {department} now", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feeling_worse_after_a_technique_means_keep_moving_gently_not_rest()
    {
        await using var bot = new BotHarness(locale: "en-GB");
        var finished = await FinishAsync(bot, "childs-pose");

        var text = Replies.AllText(await bot.ClickAsync(Replies.Last(finished), bot.Messages.FeltWorse));

        Assert.Contains("keep moving gently within comfort", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Rest", text, StringComparison.Ordinal);
        Assert.Contains("within a day or two", text, StringComparison.Ordinal);
        Assert.Contains("your GP or NHS 111 (call 111 or use 111.nhs.uk)", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Can I crack my back if I'm pregnant?")]
    [InlineData("im 5 months pregnant and my lower back is killing me, is cracking it safe")]
    public async Task The_pregnancy_answer_names_the_signs_that_mean_contact_the_maternity_unit_now(string question)
    {
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync(question);

        var text = Replies.AllText(replies);
        Assert.Contains(bot.Knowledge.FindAnswer("faq:pregnancy")!.Text, text, StringComparison.Ordinal);
        foreach (var sign in new[] { "pain that comes in waves", "regular tightenings", "bleeding", "leaking fluid", "a fever", "pain when you pee", "maternity unit or midwife now" })
        {
            Assert.Contains(sign, text, StringComparison.Ordinal);
        }

        var more = Replies.AllText(await bot.ClickAsync(Replies.Last(replies), bot.Messages.TellMeMore));
        Assert.Contains("knees wide apart", more, StringComparison.Ordinal);
        Assert.Contains("16 weeks", more, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_whole_visit_never_shows_a_local_help_token()
    {
        await using var bot = new BotHarness(locale: "en-IE");
        var seen = new List<IActivity>();
        seen.AddRange(await bot.JoinAsync());
        var (_, picker) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.AllClear);
        seen.AddRange(picker);
        var technique = bot.Knowledge.Techniques[0];
        var replies = await bot.ClickAsync(Replies.Last(picker), "Start " + technique.Name);
        seen.AddRange(replies);
        for (var i = 0; i < technique.Steps.Count; i++)
        {
            replies = await bot.ClickAsync(Replies.Last(replies), i == technique.Steps.Count - 1 ? "Finish" : "Next");
            seen.AddRange(replies);
        }

        seen.AddRange(await bot.ClickAsync(Replies.Last(replies), bot.Messages.FeltWorse));
        foreach (var message in new[] { "tips", "is cracking my back safe?", "Can I crack my back if I'm pregnant?", "what time is it in Tokyo", "ouch", "I can't feel my bottom and can't control my bladder", "menu" })
        {
            seen.AddRange(await bot.SayAsync(message));
        }

        Assert.NotEmpty(seen);
        Assert.All(seen, reply => UpdateRecordingTestAdapter.RequireNoLocalHelpToken((Activity)reply));
        var all = Replies.AllText(seen);
        Assert.Contains("Call 112 or 999 (or your local emergency number) or go to A&E now.", all, StringComparison.Ordinal);
        Assert.Contains("your GP or a GP out-of-hours service", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proactive_reminder_has_its_local_help_filled_in_for_the_locale_it_was_set_up_in()
    {
        // The real prompts name no number; this copy's does, to prove the proactive path fills tokens too.
        using var content = new ContentDirectory();
        content.Edit(ContentLoader.MessagesFile, root => root["reminderPrompts"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
        {
            ["text"] = "Stand up and walk for a minute. Sudden weak legs? Call [[emergencyNumber]] (or your local emergency number).",
            ["tags"] = new System.Text.Json.Nodes.JsonArray(),
        }));
        var knowledge = ContentLoader.Load(content.Path);
        await using var bot = new BotHarness(locale: "en-AU", configure: services => services.AddSingleton(knowledge));
        await bot.SayAsync("remind me every hour between 9 and 5");

        var sent = await bot.TickRemindersUntilAsync(bot.Time.GetUtcNow().AddHours(2));

        Assert.NotEmpty(sent);
        Assert.All(sent, s => Assert.Contains("Call 000 (or your local emergency number).", Replies.Text(s.Reply), StringComparison.Ordinal));
    }

    private static async Task<List<IActivity>> StartAsync(BotHarness bot, string techniqueId)
    {
        var (_, picker) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.AllClear);
        return await bot.ClickAsync(Replies.Last(picker), "Start " + bot.Knowledge.FindTechnique(techniqueId)!.Name);
    }

    private static async Task<List<IActivity>> FinishAsync(BotHarness bot, string techniqueId)
    {
        var replies = await StartAsync(bot, techniqueId);
        var steps = bot.Knowledge.FindTechnique(techniqueId)!.Steps.Count;
        for (var i = 0; i < steps; i++)
        {
            replies = await bot.ClickAsync(Replies.Last(replies), i == steps - 1 ? "Finish" : "Next");
        }

        return replies;
    }
}

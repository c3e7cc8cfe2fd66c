using System.Globalization;
using BackCare.Bot.State;
using BackCare.Bot.Tests.Conversation;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Privacy;

/// <summary>
/// The privacy note names everything kept about a screening, and "what do you know about me?" shows what is
/// stored now, and nothing that is not, from any state.
/// </summary>
public sealed class WhatIsStoredTests
{
    private const string UserKey = "msteams/users/user1";

    /// <summary>Each field the user's stored state may hold, with the words the privacy note uses for it.</summary>
    private static readonly Dictionary<string, string> NoteWords = new(StringComparer.Ordinal)
    {
        [nameof(ScreeningRecord.Outcome)] = "result of this safety check",
        [nameof(ScreeningRecord.CompletedAt)] = "the date you did it",
        [nameof(ScreeningRecord.CautionIds)] = "\"take care\" questions you said yes to",
        [nameof(ScreeningRecord.LongStanding)] = "had this pain a long time",
        [nameof(StateEnvelope.SavedAt)] = "the date you did it",
    };

    [Fact]
    public async Task The_privacy_note_names_every_field_stored_after_a_screening_with_cautions()
    {
        var storage = new MemoryStorage();
        await using var bot = new BotHarness(storage: storage);
        var (_, replies) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), LongStandingWith(bot, "pregnancy", "blood-thinners"));
        var note = string.Format(CultureInfo.InvariantCulture, bot.Messages.PrivacyNote, 24);
        Assert.Contains(note, Replies.AllText(replies), StringComparison.Ordinal);

        var stored = JObject.FromObject((await storage.ReadAsync([UserKey], CancellationToken.None))[UserKey]);
        var fields = Leaves(stored).Where(f => f != "eTag").ToList();

        // Not vacuous: the screening's cautions and long-standing pain are there to be named.
        Assert.Contains(nameof(ScreeningRecord.CautionIds), fields);
        Assert.True((bool)stored.SelectToken("State.UserProfile.Screening.LongStanding")!);
        Assert.Equal(2, stored.SelectToken("State.UserProfile.Screening.CautionIds")!.Count());
        Assert.All(fields, field =>
        {
            Assert.True(NoteWords.TryGetValue(field, out var words), $"The stored field {field} is not named in the privacy note.");
            Assert.Contains(words, note, StringComparison.Ordinal);
        });
        Assert.Contains("24 hours", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_nothing_stored_it_says_so_item_by_item_and_how_to_delete()
    {
        await using var bot = new BotHarness();

        var text = Replies.Text(Assert.Single(await bot.SayAsync("What do you know about me?")));

        var m = bot.Messages;
        Assert.Equal(
            string.Join("\n\n", m.StoredIntro, m.StoredNoScreening, m.StoredNoReminders, string.Format(CultureInfo.InvariantCulture, m.StoredConversation, 24, 7), m.StoredTranscriptOff, m.StoredHowToDelete),
            text);
        Assert.False((await bot.Storage.ReadAsync([UserKey])).ContainsKey(UserKey), "asking created user state");
    }

    [Fact]
    public async Task After_a_screening_with_cautions_and_reminders_it_lists_exactly_what_is_stored()
    {
        await using var bot = new BotHarness();
        await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), LongStandingWith(bot, "pregnancy"));
        bot.Time.Advance(TimeSpan.FromHours(3));
        await bot.SayAsync("remind me to move every 45 minutes between 9 and 5");

        // The technique picker is waiting: the answer comes first, then the picker again.
        var text = Replies.Text((await bot.SayAsync("what data do you have on me"))[0]);

        var screening = (await RetentionSweepScenario.StoredProfileAsync(bot.Storage, UserKey))!.Screening!;
        Assert.Equal(["pregnancy"], screening.CautionIds);
        var m = bot.Messages;
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, m.StoredScreening, "26 November at 09:00", m.StoredOutcomeCautions, "21 hours"), text, StringComparison.Ordinal);
        var caution = bot.Knowledge.Screening.Checks.Single(c => c.FollowUps.Contains("pregnancy"));
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, m.StoredCautions, caution.Items[caution.FollowUps.ToList().IndexOf("pregnancy")]), text, StringComparison.Ordinal);
        Assert.Contains(m.StoredLongStanding, text, StringComparison.Ordinal);
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, m.StoredReminders, 45, "09:00", "17:00", m.ReminderWeekdays), text, StringComparison.Ordinal);

        // Nothing that is not stored: no other caution, no "none" lines, no emergency, no transcript.
        foreach (var item in caution.Items.Where((_, i) => caution.FollowUps[i] != "pregnancy"))
        {
            Assert.DoesNotContain(item, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(m.StoredNoScreening, text, StringComparison.Ordinal);
        Assert.DoesNotContain(m.StoredNoReminders, text, StringComparison.Ordinal);
        Assert.DoesNotContain(m.StoredEmergency, text, StringComparison.Ordinal);
        Assert.Contains(m.StoredTranscriptOff, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_forget_me_nothing_is_listed()
    {
        await using var bot = new BotHarness();
        await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("my back is stiff"), ScreeningDriver.AllClear);
        await bot.SayAsync("remind me to move every hour");
        await bot.SayAsync("forget me");

        var text = Replies.Text(Assert.Single(await bot.SayAsync("what do you store about me")));

        Assert.Contains(bot.Messages.StoredNoScreening, text, StringComparison.Ordinal);
        Assert.Contains(bot.Messages.StoredNoReminders, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mid_screening_it_answers_and_asks_the_same_question_again_without_counting_it_as_an_answer()
    {
        await using var bot = new BotHarness();
        var first = ScreeningDriver.QuestionAsked(bot, await bot.SayAsync("my back is stiff"));
        Assert.NotNull(first);

        // More times than the screening allows unclear answers: none of them counts.
        for (var i = 0; i < 4; i++)
        {
            var replies = await bot.SayAsync("what do you know about me?");
            Assert.StartsWith(bot.Messages.StoredIntro, Replies.Text(replies[0]), StringComparison.Ordinal);
            Assert.Equal(first, ScreeningDriver.QuestionAsked(bot, replies));
        }

        var (asked, end) = await ScreeningDriver.AnswerAsync(bot, await bot.SayAsync("no"), ScreeningDriver.AllClear);
        Assert.Contains(bot.Messages.ChooseTechniquePrompt, Replies.AllText(end), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_an_emergency_answer_it_lists_the_emergency_flag_too()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync(BackCare.Bot.Tests.Dialogs.Interruptions.Scenes.RedFlag);

        var text = Replies.AllText(await bot.SayAsync("what do you know about me"));

        Assert.Contains(bot.Messages.StoredEmergency, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Teams_command_menu_lists_it_and_its_title_is_understood()
    {
        var manifest = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(TeamsPackage.AppPackageFolder.Path, "manifest.json")));
        var titles = manifest.SelectTokens("bots[*].commandLists[*].commands[*].title").Select(t => (string)t!).ToList();
        var title = Assert.Single(titles, t => t.Contains("know about me", StringComparison.OrdinalIgnoreCase));
        await using var bot = new BotHarness();

        var replies = await bot.SayAsync(title);

        Assert.StartsWith(bot.Messages.StoredIntro, Replies.Text(Assert.Single(replies)), StringComparison.Ordinal);
    }

    private static Func<string, string> LongStandingWith(BotHarness bot, params string[] cautions)
    {
        var answers = ScreeningDriver.YesToAll(bot, cautions);
        return id => id == ScreeningDriver.DurationId ? "about three months" : answers(id);
    }

    /// <summary>The names of the stored leaf fields (arrays and values), metadata such as "$type" left out.</summary>
    private static IEnumerable<string> Leaves(JToken token) => token switch
    {
        JObject o => o.Properties().Where(p => !p.Name.StartsWith('$')).SelectMany(p => p.Value is JObject ? Leaves(p.Value) : [p.Name]),
        _ => [],
    };
}

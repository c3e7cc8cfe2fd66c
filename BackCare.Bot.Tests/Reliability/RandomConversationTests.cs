using BackCare.Bot.Tests.Conversation;
using CsCheck;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Reliability;

/// <summary>
/// Property: whatever sequence of messages, card submits and events arrives, every message gets an
/// answer, no turn throws, and "menu" then brings the menu back (or, after an emergency answer, the
/// emergency advice: safety comes before the menu).
/// </summary>
public sealed class RandomConversationTests
{
    private static readonly string[] Texts =
    [
        "hi", "menu", "help", "yes", "no", "y", "nope", "not sure", "about 3 days", "since March", "2", "the first one",
        "my back is stiff", "Try a technique", "Ask a question", "Prevention tips", "child's pose", "foam roller",
        "is foam rolling better than stretching?", "is it safe to crack my own back?", "how should I sleep",
        "next", "back", "this hurts", "stop", "cancel", "tell me more", "Neither of these", "forget me",
        "check my answers again", "Start Child's pose", "Better", "Worse", "how to crack software licenses",
        "I can't feel my legs", "", "   ", "😀🔥", "\u0000\u0007", new string('x', 3000), "Yes please", "qwerty",
    ];

    private static readonly string[] Actions = ["next", "back", "hurts", "stop", "tip", "more", "rescreen", "route", "", "NEXT"];

    private static readonly string[] Ids = ["childs-pose", "knee-to-chest", "seated-spinal-twist", "nope", "tip:sleep", "faq:how-often", "tip:nothing", ""];

    private static readonly Gen<JToken> StepGen = Gen.OneOf(
        Gen.Int[-2, 8].Select(i => (JToken)i),
        Gen.OneOf("1", "x", "").Select(s => (JToken)s),
        Gen.Const((JToken)JValue.CreateNull()));

    private static readonly Gen<JToken> SubmitValueGen = Gen.OneOf(
        Gen.Select(Gen.OneOf(Actions), Gen.OneOf(Ids), StepGen, (action, id, step) =>
            (JToken)new JObject { ["action"] = action, ["technique"] = id, ["id"] = id, ["step"] = step }),
        Gen.OneOf("Yes", "No", "Try a technique", "Child's pose", "Better", "zzz").Select(c => (JToken)new JObject { ["choice"] = c }),
        Gen.Bool.Select(b => (JToken)new JObject { ["confirm"] = b }),
        Gen.OneOf<JToken>(new JArray(1, 2), new JValue("text"), new JValue(12), new JObject(), new JObject { ["action"] = new JObject() }));

    private static readonly Gen<UserEvent> EventGen = Gen.Frequency(
        (6, Gen.OneOf(Texts).Select(t => new UserEvent("text", t, null))),
        (3, SubmitValueGen.Select(v => new UserEvent("submit", null, v))),
        (1, Gen.OneOf(ActivityTypes.ConversationUpdate, ActivityTypes.Typing, ActivityTypes.Event, "weird").Select(k => new UserEvent(k, null, null))));

    [Fact]
    public async Task Any_sequence_is_answered_without_errors_and_menu_always_recovers()
    {
        await EventGen.Array[1, 30].SampleAsync(async events =>
        {
            await using var bot = new BotHarness();
            var emergency = false;
            foreach (var userEvent in events)
            {
                var replies = await bot.SendAsync(userEvent.ToActivity(bot.Adapter));
                var messages = replies.Where(r => r.Type == ActivityTypes.Message).ToList();
                if (userEvent.IsMessage)
                {
                    Assert.True(messages.Count > 0, $"no answer to {userEvent} in: {string.Join(" → ", events)}");
                }

                var text = Replies.AllText(messages);
                if (text.Contains(bot.Knowledge.Screening.Outcomes.Emergency, StringComparison.Ordinal))
                {
                    emergency = true;
                }

                if (text.Contains(bot.Messages.ForgetMeDone, StringComparison.Ordinal))
                {
                    emergency = false;
                }
            }

            var menu = Replies.AllText(await bot.SayAsync("menu"));
            var expected = emergency ? bot.Messages.UrgentReminder : bot.Messages.MenuPrompt;
            Assert.True(menu.Contains(expected, StringComparison.Ordinal), $"\"menu\" gave \"{menu}\" after: {string.Join(" → ", events)}");
        }, iter: 150, threads: 1);
    }
}

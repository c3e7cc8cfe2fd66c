using System.Text;
using BackCare.Bot.Routing;

namespace BackCare.Bot.Tests.Routing;

public sealed class KeywordRouterTests
{
    private static KeywordRouter Router => SharedRouter.Default;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Empty_input_falls_back(string? text)
    {
        var result = Router.Route(text);
        Assert.Equal(RoutingIds.None, result.Intent);
        Assert.Equal(RoutingDecision.Fallback, result.Decision);
        Assert.Equal(0, result.Score);
        Assert.Empty(result.Alternatives);
        Assert.Equal(text ?? "", result.Text);
    }

    [Theory]
    [InlineData("Is foam rolling better than stretching?", "faq:foam-vs-stretch")]
    [InlineData("which foam roller should I buy", "topic:foam-roller-choice")]
    [InlineData("how many vertebrae are in the lumbar spine", "topic:lumbar-anatomy")]
    [InlineData("walk me through the seated spinal twist", "technique:seated-spinal-twist")]
    public void A_clear_question_is_answered_above_the_upper_threshold(string text, string intent)
    {
        var result = Router.Route(text);
        Assert.Equal(intent, result.Intent);
        Assert.Equal(RoutingDecision.Answer, result.Decision);
        Assert.Equal(intent, result.Alternatives[0].Intent);
    }

    [Theory]
    [InlineData("crack?")]
    [InlineData("back cracking")]
    [InlineData("my back is stiff")]
    public void An_unclear_question_asks_did_you_mean_with_at_least_two_choices(string text)
    {
        var result = Router.Route(text);
        Assert.Equal(RoutingDecision.Clarify, result.Decision);
        Assert.InRange(result.Alternatives.Count, 2, 3);
        Assert.Equal(result.Intent, result.Alternatives[0].Intent);
        Assert.Equal(result.Alternatives.Count, result.Alternatives.Select(a => a.Intent).Distinct().Count());
        Assert.All(result.Alternatives, a => Assert.NotNull(Router.GetTitle(a.Intent)));
    }

    [Theory]
    [InlineData("crack")]
    // Strong, exactly equal evidence for two entries (weights 4 + 3.5 + 2.5 for stress, 4 + 4 + 2 for food and water).
    [InlineData("stress, meditation, calm, diet, hydration, greens")]
    public void A_tie_is_never_answered_outright(string text)
    {
        var result = Router.Route(text);
        Assert.Equal(RoutingDecision.Clarify, result.Decision);
        Assert.True(result.Alternatives.Count >= 2);
    }

    [Theory]
    [InlineData("how to crack software licenses")]
    [InlineData("how do I crack a password")]
    [InlineData("crack an egg")]
    [InlineData("crack a joke")]
    [InlineData("how to crack a safe")]
    [InlineData("crack the wifi")]
    [InlineData("crack the code")]
    [InlineData("crack a cold one with the boys")]
    [InlineData("pop music")]
    [InlineData("pop quiz")]
    [InlineData("pop the question")]
    [InlineData("back up my files")]
    [InlineData("I'll be right back")]
    [InlineData("best stretch limo")]
    [InlineData("install a browser extension")]
    public void Crack_and_other_everyday_words_alone_never_make_an_off_topic_question_on_topic(string text)
    {
        var result = Router.Route(text);
        Assert.Equal(RoutingIds.None, result.Intent);
        Assert.Equal(RoutingDecision.Fallback, result.Decision);
    }

    [Theory]
    [InlineData("how to crack my lower back", "faq:safe-to-crack")]
    [InlineData("is it safe to crack my back with a foam roller", "faq:safe-to-crack")]
    [InlineData("my spine pops when I code all day, is that normal", "faq:why-cracks-often")]
    public void A_back_or_spine_word_keeps_crack_on_topic_despite_other_subjects(string text, string intent) =>
        Assert.Equal(intent, Router.Route(text).Intent);

    [Theory]
    [InlineData("is it safe to pop my back", "faq:safe-to-crack")]
    [InlineData("is it safe to adjust my own back", "faq:safe-to-crack")]
    [InlineData("foam rolling or stretching", "faq:foam-vs-stretch")]
    [InlineData("roller or stretching", "faq:foam-vs-stretch")]
    public void Synonyms_route_like_the_word_they_stand_for(string text, string intent) =>
        Assert.Equal(intent, Router.Route(text).Intent);

    [Theory]
    [InlineData("can I crack my back when I'm pregnent", "faq:pregnancy")]
    [InlineData("how do I improve my posure", "tip:posture")]
    [InlineData("is foam rolling better than streching", "faq:foam-vs-stretch")]
    public void Typos_in_longer_words_still_route(string text, string intent) =>
        Assert.Equal(intent, Router.Route(text).Intent);

    [Theory]
    [InlineData("is foam rolling beter than streching", "faq:foam-vs-stretch")]
    [InlineData("is a foam roler beter than a stretch for my back", "faq:foam-vs-stretch")]
    public void A_typo_one_edit_from_a_short_off_topic_word_does_not_rule_the_message_out(string text, string intent) =>
        Assert.Equal(intent, Router.Route(text).Intent);

    [Theory]
    [InlineData("how do I stop cracking my knuckels")]
    [InlineData("my laptop crashed and I need to back up my files")]
    [InlineData("is beer bad for you")]
    public void Off_topic_words_are_still_recognised_as_written_and_long_ones_when_misspelt(string text) =>
        Assert.Equal("none", Router.Route(text).Intent);

    [Theory]
    [InlineData("I can't feel my legs")]
    [InlineData("no feeling in my legs")]
    [InlineData("I have no control over my bladder")]
    [InlineData("numbness around my groin")]
    [InlineData("I haven't peed since yesterday and my back aches")]
    [InlineData("fell down the stairs and my back hurts")]
    [InlineData("what if my groin goes numb?")]
    [InlineData("Is foam rolling better than stretching? Also I wet myself this morning")]
    public void A_red_flag_is_urgent_and_answered_whatever_else_the_message_asks(string text)
    {
        var result = Router.Route(text);
        Assert.Equal(RoutingIds.Urgent, result.Intent);
        Assert.Equal(RoutingDecision.Answer, result.Decision);
        Assert.Equal(1.0, result.Score);
        Assert.Equal(RoutingIds.Urgent, result.Alternatives[0].Intent);
    }

    [Theory]
    [InlineData("no numbness, is it safe to crack my back", "faq:safe-to-crack")]
    [InlineData("I don't have bladder problems, how often can I crack my back", "faq:how-often")]
    [InlineData("I didn't fall, my back is just stiff after sitting all day", "tip:movement")]
    [InlineData("no weakness or numbness in my legs, which foam roller is best", "topic:foam-roller-choice")]
    [InlineData("I fell asleep on the sofa and my back hurts", "tip:sleep")]
    public void A_plainly_denied_red_flag_is_not_urgent(string text, string intent) =>
        Assert.Equal(intent, Router.Route(text).Intent);

    [Theory]
    [InlineData("the stock market crashed and my back hurts from the stress", "tip:stress")]
    [InlineData("my laptop crashed and I need to back up my files", "none")]
    [InlineData("I fell asleep on the sofa and now my back is stiff", "tip:sleep")]
    public void Everyday_crashes_and_falls_are_not_red_flags(string text, string intent) =>
        Assert.Equal(intent, Router.Route(text).Intent);

    [Theory]
    [InlineData("I got rear-ended yesterday and my back is sore")]
    [InlineData("slipped on ice and landed on my tailbone")]
    [InlineData("my legs keep giving way and my back aches")]
    public void Falls_crashes_and_weak_legs_are_red_flags(string text) =>
        Assert.Equal(RoutingIds.Urgent, Router.Route(text).Intent);

    [Fact]
    public void A_denied_subject_counts_for_little()
    {
        Assert.NotEqual("faq:pregnancy", Router.Route("I'm not pregnant, is it safe to crack my back").Intent);
        Assert.Equal("faq:pop-necessary", Router.Route("my back didn't pop, did the stretch still work").Intent);
    }

    [Fact]
    public void A_ten_thousand_character_message_is_routed_sensibly()
    {
        var rambling = new StringBuilder();
        while (rambling.Length < 10_000)
        {
            rambling.Append("So yesterday I was thinking about a lot of things at work, my manager, the weather, lunch. ");
        }

        rambling.Append("Anyway: is foam rolling better than stretching for my lower back?");
        var text = rambling.ToString();
        Assert.True(text.Length > 10_000);

        var result = Router.Route(text);
        Assert.Equal("faq:foam-vs-stretch", result.Intent);
        Assert.InRange(result.Score, 0, 1);

        var noise = new string('x', 10_000);
        Assert.Equal(RoutingIds.None, Router.Route(noise).Intent);

        var words = string.Join(' ', Enumerable.Repeat("zzzzzqq blorptastic", 600)) + " and now I can't control my bladder";
        Assert.Equal(RoutingIds.Urgent, Router.Route(words).Intent);
    }

    [Fact]
    public void Scores_stay_between_0_and_1_and_alternatives_are_best_first()
    {
        foreach (var c in RoutingEvalSet.LoadDevSet().Cases)
        {
            var result = Router.Route(c.Text);
            Assert.InRange(result.Score, 0, 1);
            Assert.All(result.Alternatives, a => Assert.InRange(a.Score, 0, 1));
            Assert.Equal(result.Alternatives.OrderByDescending(a => a.Score).Select(a => a.Intent), result.Alternatives.Select(a => a.Intent));
            if (result.Decision == RoutingDecision.Fallback)
            {
                Assert.Equal(RoutingIds.None, result.Intent);
            }
            else
            {
                Assert.NotEqual(RoutingIds.None, result.Intent);
            }
        }
    }

    [Fact]
    public void Routing_is_pure_and_safe_from_many_threads()
    {
        var texts = RoutingEvalSet.LoadDevSet().Cases.Select(c => c.Text).ToArray();
        var expected = texts.Select(t => Router.Route(t)).ToArray();
        var results = new RoutingResult[texts.Length * 20];
        Parallel.For(0, results.Length, i => results[i] = Router.Route(texts[i % texts.Length]));
        for (var i = 0; i < results.Length; i++)
        {
            var want = expected[i % texts.Length];
            Assert.Equal(want.Intent, results[i].Intent);
            Assert.Equal(want.Score, results[i].Score);
            Assert.Equal(want.Decision, results[i].Decision);
            Assert.Equal(want.Alternatives, results[i].Alternatives);
        }
    }

    [Fact]
    public void Every_knowledge_id_and_urgent_have_a_title_and_none_has_none()
    {
        foreach (var id in RoutingIds.Knowledge.Append(RoutingIds.Urgent))
        {
            Assert.False(string.IsNullOrWhiteSpace(Router.GetTitle(id)), id);
        }

        Assert.Null(Router.GetTitle(RoutingIds.None));
    }

    [Fact]
    public void The_default_data_is_copied_next_to_the_assembly()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "Content", "Data", "routing.json")));
        Assert.NotNull(KeywordRouter.LoadDefault());
    }
}

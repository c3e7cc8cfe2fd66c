using BackCare.Bot.Routing;
using BackCare.Bot.Routing.Semantic;

namespace BackCare.Bot.Tests.Routing;

/// <summary>
/// How the router combines the keywords' verdict with the classifier's scores (MessageRouter.Combine), with made-up
/// semantic matches so that each rule is tested on its own, apart from the model.
/// </summary>
public sealed class ClassifierCombinationTests
{
    private static readonly MessageRouter Router = new(SharedRouter.Default, new NoSemanticMatcher());

    private static SemanticMatch Match(string intent, double similarity, double confidence) =>
        new(intent, similarity, "an example") { Confidence = confidence };

    private static RoutingResult KeywordAnswer(string text, string intent, double score) =>
        new(text, intent, score, [new RoutingAlternative(intent, score)], RoutingDecision.Answer);

    [Fact]
    public void A_confident_classifier_turns_a_weak_keyword_answer_about_another_subject_into_the_fallback()
    {
        var keyword = KeywordAnswer("how do I get my toddler to sleep through the night", "tip:sleep", 0.58);

        var result = Router.Combine(keyword, [Match("none", 0.55, 0.62), Match("tip:sleep", 0.52, 0.08), Match("topic:lifting-children", 0.45, 0.05)]);

        Assert.Equal(RoutingDecision.Fallback, result.Decision);
        Assert.Equal(RoutingLayer.Semantic, result.Layer);
    }

    [Fact]
    public void A_keyword_answer_the_classifier_still_finds_likely_is_kept()
    {
        var keyword = KeywordAnswer("best way to lie in bed with a sore back", "tip:sleep", 0.58);

        var result = Router.Combine(keyword, [Match("none", 0.40, 0.45), Match("tip:sleep", 0.62, 0.30)]);

        Assert.Equal("tip:sleep", result.Intent);
        Assert.Equal(RoutingDecision.Answer, result.Decision);
        Assert.Equal(RoutingLayer.Keyword, result.Layer);
    }

    [Fact]
    public void A_clear_classifier_choice_settles_an_unsure_keyword_verdict()
    {
        var keyword = new RoutingResult("standing desk or normal desk for my back?", "tip:posture", 0.2,
            [new RoutingAlternative("tip:posture", 0.2), new RoutingAlternative("tip:movement", 0.2)], RoutingDecision.Clarify)
        { IsAnchored = true };

        var result = Router.Combine(keyword, [Match("topic:desk-setup", 0.66, 0.55), Match("tip:posture", 0.60, 0.12), Match("none", 0.3, 0.02)]);

        Assert.Equal("topic:desk-setup", result.Intent);
        Assert.Equal(RoutingDecision.Answer, result.Decision);
        Assert.Equal(RoutingLayer.Semantic, result.Layer);
    }

    [Fact]
    public void The_classifier_does_not_answer_text_unlike_any_example_of_its_choice()
    {
        var keyword = new RoutingResult("about 3 days", RoutingIds.None, 0, [], RoutingDecision.Fallback);

        var result = Router.Combine(keyword, [Match("topic:how-long", 0.35, 0.6), Match("none", 0.3, 0.1)]);

        Assert.Equal(RoutingDecision.Fallback, result.Decision);
    }

    [Fact]
    public void An_emergency_the_classifier_is_sure_of_is_urgent_unless_something_is_denied()
    {
        var matches = new[] { Match(RoutingIds.Urgent, 0.62, 0.7), Match("topic:sciatica", 0.64, 0.2), Match("none", 0.3, 0.05) };

        Assert.True(Router.ReadsAsEmergency(KeywordAnswer("I can't feel my legs properly and my back is sore", "topic:sciatica", 0.3), matches));
        Assert.False(Router.ReadsAsEmergency(KeywordAnswer("my legs are not numb and my back is sore", "topic:sciatica", 0.3), matches));
    }

    [Fact]
    public void A_partial_red_flag_is_left_to_the_safety_question_whatever_the_classifier_says()
    {
        var matches = new[] { Match(RoutingIds.Urgent, 0.69, 0.7), Match("topic:slept-wrong", 0.68, 0.15), Match("none", 0.3, 0.05) };
        var keyword = KeywordAnswer("slipped on the wet kitchen floor yesterday and my back's been stiff since", "technique:knee-to-chest", 0.34);

        Assert.False(Router.ReadsAsEmergency(keyword, matches));
    }

    [Fact]
    public void A_message_all_but_identical_to_an_example_line_gets_that_lines_id()
    {
        var keyword = new RoutingResult("my wife is pregnant, not me, can I still do the twist stretch?", "technique:seated-spinal-twist", 0.43,
            [new RoutingAlternative("technique:seated-spinal-twist", 0.43), new RoutingAlternative("faq:pregnancy", 0.33)], RoutingDecision.Clarify)
        { IsAnchored = false };

        var result = Router.Combine(keyword, [Match("technique:seated-spinal-twist", 0.98, 0.3), Match("faq:pregnancy", 0.83, 0.64), Match("none", 0.35, 0.18)]);

        Assert.Equal("technique:seated-spinal-twist", result.Intent);
        Assert.Equal(RoutingDecision.Answer, result.Decision);
    }

    [Fact]
    public void Another_subjects_words_keep_the_fallback_whatever_the_classifier_says()
    {
        var keyword = new RoutingResult("how do I reset my outlook password", RoutingIds.None, 0, [], RoutingDecision.Fallback) { IsRuledOffTopic = true };

        var result = Router.Combine(keyword, [Match("faq:safe-to-crack", 0.7, 0.6), Match("none", 0.5, 0.2)]);

        Assert.Equal(RoutingDecision.Fallback, result.Decision);
        Assert.Equal(RoutingLayer.Keyword, result.Layer);
    }
}

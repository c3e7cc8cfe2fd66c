using BackCare.Bot.Routing;
using BackCare.Bot.Routing.Semantic;

namespace BackCare.Bot.Tests.Routing.Semantic;

/// <summary>The shipped examples with the real model (loaded once for the test run by <see cref="SharedSemanticMatcher"/>).</summary>
public sealed class NearestExampleMatcherTests
{
    private static NearestExampleMatcher Matcher => SharedSemanticMatcher.Default;

    // Wordings that are in no example: the layer must carry meaning, not just shared words.
    [Theory]
    [InlineData("would a foam roller do more for me than just stretching", "faq:foam-vs-stretch")]
    [InlineData("some guy drove into the back of my car at the lights this morning and my lower back has been sore ever since", RoutingIds.Urgent)]
    [InlineData("it feels numb between my legs when I sit on the loo", RoutingIds.Urgent)]
    [InlineData("how do I stop cracking my knuckles", RoutingIds.None)]
    [InlineData("how do I reset my outlook password", RoutingIds.None)]
    [InlineData("which bones make up the lumbar region", "topic:lumbar-anatomy")]
    [InlineData("is it ok to crack my back when I'm expecting twins", "faq:pregnancy")]
    [InlineData("what's the best way to lie in bed when my lower back is stiff", "tip:sleep")]
    [InlineData("teach me that yoga stretch where you kneel and reach your arms forward", "technique:childs-pose")]
    public void A_paraphrase_lands_on_its_routing_id(string text, string intent)
    {
        var matches = Matcher.Match(text);

        Assert.True(matches[0].Intent == intent, $"\"{text}\": expected {intent}, got {string.Join(", ", matches.Select(m => $"{m.Intent} {m.Similarity:0.00} (\"{m.Example}\")"))}");
    }

    [Fact]
    public void The_result_has_one_match_per_id_best_first_and_at_most_top()
    {
        var matches = Matcher.Match("my back pops all the time, why?", top: 4);

        Assert.Equal(4, matches.Count);
        Assert.Equal(matches.Count, matches.Select(m => m.Intent).Distinct().Count());
        Assert.Equal(matches.OrderByDescending(m => m.Similarity).Select(m => m.Intent), matches.Select(m => m.Intent));
        Assert.All(matches, m => Assert.InRange(m.Similarity, -1.0, 1.0));
    }

    [Fact]
    public void Each_match_names_an_example_of_its_own_id()
    {
        var examples = SemanticExamplesLoader.Load(SemanticExamplesLoader.DefaultPath).ToHashSet();

        var matches = Matcher.Match("how should I sit at my desk", top: SemanticExamplesLoader.RequiredIds.Count);

        Assert.Equal(SemanticExamplesLoader.RequiredIds.Count, matches.Count);
        Assert.All(matches, m => Assert.Contains(new SemanticExample(m.Intent, m.Example), examples));
    }

    [Fact]
    public void An_example_itself_matches_its_id_with_similarity_one()
    {
        var match = Matcher.Match("Core exercises for back pain")[0];

        Assert.Equal("tip:core", match.Intent);
        Assert.Equal("core exercises for back pain", match.Example);
        Assert.Equal(1.0, match.Similarity, precision: 4);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Blank_text_matches_nothing(string text)
    {
        Assert.Empty(Matcher.Match(text));
    }

    [Fact]
    public void Top_zero_matches_nothing()
    {
        Assert.Empty(Matcher.Match("child's pose", top: 0));
    }

    [Fact]
    public void A_red_flag_at_the_end_of_a_long_story_is_still_found()
    {
        var story = string.Concat(Enumerable.Repeat("I have been working from home for months and my desk chair is not great. ", 12))
            + "Yesterday I fell off a ladder while clearing the gutters and landed flat on my back.";

        Assert.True(story.Length > SemanticText.MaxWholeLength * 2);
        Assert.Equal(RoutingIds.Urgent, Matcher.Match(story)[0].Intent);
    }

    // The package's tokenizer splits only on spaces and builds regular expressions from word pieces; none of this may throw.
    [Theory]
    [InlineData("c++ (or c#)? [x] {y} *z* ^$ | \\ / ~")]
    [InlineData("my back 😩😩😩 hurts")]
    [InlineData("ça fait mal au dos, naïve café")]
    [InlineData("can’t “stretch”\r\nanymore")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Unusual_text_is_matched_without_failing(string text)
    {
        Assert.Equal(5, Matcher.Match(text).Count);
    }

    [Fact]
    public void Punctuation_only_text_longer_than_the_model_reads_does_not_fail()
    {
        // One word piece per character: 2,000 of them would be four times what the model can read at once.
        Assert.NotEmpty(Matcher.Match(new string('?', 2000)));
    }
}

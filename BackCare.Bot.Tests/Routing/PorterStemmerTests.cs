using BackCare.Bot.Routing;

namespace BackCare.Bot.Tests.Routing;

public sealed class PorterStemmerTests
{
    [Theory]
    // Examples from Porter's 1980 paper, one per rule family.
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("conflated", "conflat")]
    [InlineData("hopping", "hop")]
    [InlineData("falling", "fall")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("generalizations", "gener")]
    [InlineData("hopeful", "hope")]
    [InlineData("goodness", "good")]
    [InlineData("revival", "reviv")]
    [InlineData("adoption", "adopt")]
    [InlineData("controlling", "control")]
    [InlineData("rolling", "roll")]
    public void Follows_the_published_algorithm(string word, string stem) =>
        Assert.Equal(stem, PorterStemmer.Stem(word));

    [Theory]
    [InlineData("crack", "cracks", "cracked", "cracking")]
    [InlineData("stretch", "stretches", "stretched", "stretching")]
    [InlineData("pop", "pops", "popped", "popping")]
    [InlineData("sleep", "sleeps", "sleeping")]
    [InlineData("adjust", "adjusts", "adjusted", "adjusting", "adjustment")]
    public void Brings_the_bots_words_to_one_stem(params string[] forms) =>
        Assert.Single(forms.Select(PorterStemmer.Stem).Distinct());

    [Theory]
    [InlineData("l5")]
    [InlineData("20")]
    [InlineData("is")]
    public void Leaves_short_words_and_non_letters_alone(string word) =>
        Assert.Equal(word, PorterStemmer.Stem(word));
}

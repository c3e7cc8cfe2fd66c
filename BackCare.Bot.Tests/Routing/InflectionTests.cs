using BackCare.Bot.Routing;

namespace BackCare.Bot.Tests.Routing;

/// <summary>Regular English forms of a word, which the typo correction leaves alone, against misspellings, which it corrects.</summary>
public sealed class InflectionTests
{
    [Theory]
    [InlineData("trips", "trip")]
    [InlineData("ladders", "ladder")]
    [InlineData("crashes", "crash")]
    [InlineData("slipped", "slip")]
    [InlineData("wiping", "wipe")]
    [InlineData("injuries", "injury")]
    [InlineData("checks", "checked")]
    [InlineData("provides", "provider")]
    [InlineData("bother", "bothered")]
    public void Forms_of_one_word_are_recognised(string a, string b)
    {
        Assert.True(Inflection.AreFormsOfOneWord(a, b));
        Assert.True(Inflection.AreFormsOfOneWord(b, a));
    }

    [Theory]
    [InlineData("controle", "control")]
    [InlineData("controll", "control")]
    [InlineData("bowles", "bowls")]
    [InlineData("bowles", "bowl")]
    [InlineData("bladdar", "bladder")]
    public void A_misspelling_is_not_a_form_of_the_word(string a, string b)
    {
        Assert.False(Inflection.AreFormsOfOneWord(a, b));
    }

    [Theory]
    [InlineData("lost controle of it", "control")]
    [InlineData("no controll at all", "control")]
    [InlineData("my bowles", "bowls")]
    [InlineData("all these trips", "trips")]
    [InlineData("up ladders", "ladders")]
    [InlineData("doctor checks", "checks")]
    public void Words_with_a_known_stem_are_corrected_only_when_misspelt(string text, string expected)
    {
        Assert.Contains(expected, SharedRouter.Default.Analyzer.Analyze(text).Select(t => t.Surface));
    }
}

using BackCare.Bot.Routing;

namespace BackCare.Bot.Tests.Routing;

/// <summary>Normalisation, contractions, synonyms, typo tolerance, negation marks and word senses, on the shipped routing data.</summary>
public sealed class TextAnalyzerTests
{
    // The shipped router's own pipeline, vocabulary included.
    private static TextAnalyzer Analyzer => SharedRouter.Default.Analyzer;

    [Fact]
    public void Normalises_case_accents_and_typographic_apostrophes()
    {
        Assert.Equal("cafe can't naive", TextAnalyzer.NormaliseChars("CAFÉ can\u2019t Naïve"));
    }

    [Fact]
    public void Splits_words_sentences_and_clauses()
    {
        var words = TextAnalyzer.Tokenize("Knee-to-chest, please. Then rest!");
        Assert.Equal(["knee", "to", "chest", "please", "then", "rest"], words.Select(w => w.Word));
        Assert.Equal(0, words[3].Sentence);
        Assert.Equal(1, words[4].Sentence);
        Assert.NotEqual(words[2].ClauseMark, words[3].ClauseMark);
    }

    [Theory]
    [InlineData("I can't feel my legs", "i can not feel my legs")]
    [InlineData("I cant feel my legs", "i can not feel my legs")]
    [InlineData("it doesn't pop", "it does not crack")]
    [InlineData("child's pose", "child pose")]
    [InlineData("im pregnant", "i am pregnant")]
    public void Expands_contractions_and_possessives(string text, string expected)
    {
        var surfaces = string.Join(' ', Analyzer.Analyze(text).Select(t => t.Surface == "pop" ? "crack" : t.Surface));
        Assert.Equal(expected, surfaces);
    }

    [Theory]
    [InlineData("pop")]
    [InlineData("popping")]
    [InlineData("clicks")]
    [InlineData("crunching")]
    [InlineData("adjust")]
    [InlineData("self-adjustment")]
    [InlineData("cracked")]
    public void Crack_synonyms_share_one_term(string word) =>
        Assert.Contains("crack", Analyzer.Analyze(word).Select(t => t.Term));

    [Fact]
    public void Multi_word_synonyms_become_one_term()
    {
        var tokens = Analyzer.Analyze("is foam rolling good");
        Assert.Equal(["is", "roller", "good"], tokens.Select(t => t.Term));
    }

    [Theory]
    [InlineData("pregnent", "pregnant")]
    [InlineData("strech", "stretch")]
    [InlineData("posure", "posture")]
    [InlineData("osteoporsis", "osteoporosis")]
    [InlineData("mattres", "mattress")]
    [InlineData("hydartion", "hydration")]
    public void Corrects_typos_in_words_of_five_letters_or_more(string typo, string word) =>
        Assert.Equal(word, Analyzer.Analyze(typo).Single().Surface);

    [Theory]
    [InlineData("bak")] // too short to guess
    [InlineData("crak")]
    [InlineData("track")] // a different first letter: "track" must not become "crack"
    [InlineData("qwerty")]
    public void Leaves_short_or_far_words_alone(string word) =>
        Assert.Equal(word, Analyzer.Analyze(word).Single().Surface);

    [Fact]
    public void Marks_denied_words_within_the_clause_only()
    {
        var tokens = Analyzer.Analyze("no numbness but my bladder leaks");
        Assert.True(tokens.Single(t => t.Surface == "numbness").IsNegated);
        Assert.False(tokens.Single(t => t.Surface == "bladder").IsNegated);
    }

    [Theory]
    [InlineData("i can not feel my legs", "feel")]
    [InlineData("no control of my bladder", "bladder")]
    [InlineData("no feeling in my legs", "legs")]
    public void An_inability_or_a_loss_is_not_a_denial(string text, string word) =>
        Assert.False(Analyzer.Analyze(text).Single(t => t.Surface == word).IsNegated);

    [Theory]
    [InlineData("back up my files", true)]
    [InlineData("I'll be right back", true)]
    [InlineData("roll back a commit", true)]
    [InlineData("crack my back", false)]
    [InlineData("lower back pain", false)]
    [InlineData("back cracking", false)]
    public void Tells_the_body_sense_of_back_from_the_everyday_one(string text, bool everyday) =>
        Assert.Equal(everyday, Analyzer.Analyze(text).First(t => t.Surface == "back").IsOtherSense);

    [Fact]
    public void A_denial_carries_through_a_list_joined_by_or()
    {
        var tokens = Analyzer.Analyze("I have not had any injury or accident or fall");

        Assert.True(tokens.Single(t => t.Surface == "fall").IsNegated);
        Assert.Equal("not", tokens.Single(t => t.Surface == "fall").NegatedBy);
    }

    [Fact]
    public void A_list_does_not_carry_a_denial_into_the_next_clause()
    {
        var tokens = Analyzer.Analyze("no numbness, but my legs or feet feel weak");

        Assert.False(tokens.Single(t => t.Surface == "feet").IsNegated);
    }

    [Theory]
    [InlineData("is cracking my back ok", "crack")]
    [InlineData("are my legs ok", "legs")]
    public void A_question_asks_about_what_comes_before_ok_and_denies_nothing(string text, string surface)
    {
        Assert.False(Analyzer.Analyze(text).First(t => t.Surface == surface || t.Term == surface).IsNegated);
    }

    [Fact]
    public void A_statement_still_denies_what_comes_before_ok()
    {
        Assert.True(Analyzer.Analyze("my legs are ok").Single(t => t.Surface == "legs").IsNegated);
    }

    [Theory]
    [InlineData("<at>BackCare</at> is it safe to crack my back", "is it safe to crack my back")]
    [InlineData("<at>Back Care Bot</at>, <at>Sam</at> how long does it last?", "how long does it last")]
    public void Teams_mention_markup_is_not_part_of_the_message(string text, string expected)
    {
        Assert.Equal(expected, string.Join(' ', TextAnalyzer.Tokenize(text).Select(w => w.Word)));
    }
}

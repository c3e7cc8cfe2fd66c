using BackCare.Bot.Routing.Semantic;

namespace BackCare.Bot.Tests.Routing.Semantic;

public sealed class SemanticTextTests
{
    [Fact]
    public void Whitespace_runs_become_one_space_and_typographic_quotes_plain_ones()
    {
        Assert.Equal("can't \"stretch\" now", SemanticText.Normalise("  can’t\t“stretch”\r\n\n now "));
    }

    [Fact]
    public void A_message_up_to_the_whole_length_is_one_piece()
    {
        var text = new string('a', SemanticText.MaxWholeLength);

        Assert.Equal([text], SemanticText.Pieces(text));
    }

    [Fact]
    public void A_longer_message_is_read_sentence_by_sentence()
    {
        var sentences = Enumerable.Range(0, 6).Select(i => $"Sentence number {i} is about my back and is long enough to count.").ToArray();

        Assert.Equal(sentences, SemanticText.Pieces(string.Join(" ", sentences)));
    }

    [Fact]
    public void No_piece_is_longer_than_the_limit_and_there_are_never_too_many()
    {
        var text = string.Join(" ", Enumerable.Range(0, 80).Select(i => "Short one " + i + ".")) + " " + new string('x', 700);

        var pieces = SemanticText.Pieces(text);

        Assert.InRange(pieces.Count, 2, SemanticText.MaxPieces);
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, SemanticText.MaxPieceLength));
    }
}

using System.Text;
using System.Text.RegularExpressions;

namespace BackCare.Bot.Routing.Semantic;

/// <summary>
/// Prepares text for the MiniLM tokenizer, which only splits words on plain spaces and cannot read more than 512
/// word pieces: every run of whitespace becomes one space, typographic quotes become plain ones (so "can’t" reads
/// like "can't"), and long text is cut into sentence pieces the model can read.
/// </summary>
public static partial class SemanticText
{
    /// <summary>
    /// Up to this length a message is read whole: one model run, and the model sees every word in context. The
    /// tokenizer makes at most one word piece per character, so this stays well inside the model's 512 pieces.
    /// </summary>
    public const int MaxWholeLength = 300;

    /// <summary>
    /// A longer message is read sentence by sentence, so that one sentence about a red flag in a long story is not
    /// drowned out by the rest of it; no piece is longer than this.
    /// </summary>
    public const int MaxPieceLength = 200;

    /// <summary>Enough for the bot's longest accepted message (BackCare:MaxMessageLength, 2,000 characters); a bound on the cost of one call.</summary>
    public const int MaxPieces = 16;

    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
            }

            pendingSpace = false;
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u02BC' => '\'',
                '\u201C' or '\u201D' => '"',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// What the model reads of <paramref name="normalised"/>: the text itself up to <see cref="MaxWholeLength"/>;
    /// beyond it, one piece per sentence (a sentence longer than <see cref="MaxPieceLength"/> cut at spaces, a word
    /// that long where it must). Only if that makes more than <see cref="MaxPieces"/> are neighbouring sentences
    /// packed together, and what still does not fit is left unread.
    /// </summary>
    public static IReadOnlyList<string> Pieces(string normalised)
    {
        if (normalised.Length <= MaxWholeLength)
        {
            return [normalised];
        }

        var sentences = SentenceEnd().Split(normalised).SelectMany(Cut).ToList();
        if (sentences.Count <= MaxPieces)
        {
            return sentences;
        }

        var pieces = new List<string>();
        var current = new StringBuilder();
        foreach (var sentence in sentences)
        {
            if (current.Length > 0 && current.Length + 1 + sentence.Length > MaxPieceLength)
            {
                pieces.Add(current.ToString());
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(sentence);
        }

        if (current.Length > 0)
        {
            pieces.Add(current.ToString());
        }

        return pieces.Count > MaxPieces ? pieces[..MaxPieces] : pieces;
    }

    /// <summary>A sentence cut at spaces (or anywhere, for a word that long) into parts of at most <see cref="MaxPieceLength"/>.</summary>
    private static IEnumerable<string> Cut(string sentence)
    {
        var rest = sentence.Trim();
        while (rest.Length > MaxPieceLength)
        {
            var cut = rest.LastIndexOf(' ', MaxPieceLength);
            if (cut <= 0)
            {
                cut = MaxPieceLength;
            }

            yield return rest[..cut].Trim();
            rest = rest[cut..].Trim();
        }

        if (rest.Length > 0)
        {
            yield return rest;
        }
    }

    [GeneratedRegex(@"(?<=[.!?;])\s+")]
    private static partial Regex SentenceEnd();
}

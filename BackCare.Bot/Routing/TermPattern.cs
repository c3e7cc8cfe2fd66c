namespace BackCare.Bot.Routing;

/// <summary>
/// A red-flag term as written in routing.json: one or more words matched on the words as typed, each either
/// exact or, with a trailing *, a prefix ("incontinen*"), or a whole number in a range ("#50-120", for ages:
/// "i am #50-120" matches "I'm 67"). Consecutive words may have one word between them ("can't really feel" still
/// matches "can not feel").
/// </summary>
internal sealed class TermPattern
{
    private const int Gap = 1;
    private readonly Part[] _parts;

    private TermPattern(Part[] parts) => _parts = parts;

    public static TermPattern Parse(string term, TextAnalyzer analyzer)
    {
        var parts = new List<Part>();
        foreach (var piece in term.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (NumberRange(piece) is { } range)
            {
                parts.Add(new Part("", false, range.Min, range.Max));
                continue;
            }

            var isPrefix = piece.EndsWith('*');
            var words = analyzer.SurfacesOf(isPrefix ? piece[..^1] : piece);
            for (var k = 0; k < words.Length; k++)
            {
                parts.Add(new Part(words[k], isPrefix && k == words.Length - 1, 0, -1));
            }
        }

        return new TermPattern(parts.ToArray());
    }

    /// <summary>"#50-120" as (50, 120); null for anything else.</summary>
    private static (int Min, int Max)? NumberRange(string piece)
    {
        if (piece.Length < 4 || piece[0] != '#')
        {
            return null;
        }

        var bounds = piece[1..].Split('-');
        return bounds.Length == 2 && int.TryParse(bounds[0], out var min) && int.TryParse(bounds[1], out var max) && min >= 0 && min <= max
            ? (min, max)
            : null;
    }

    /// <summary>The words this pattern spells out, for the typo vocabulary; prefixes and number ranges are not words.</summary>
    public IEnumerable<string> Words => _parts.Where(p => !p.IsPrefix && !p.IsRange).Select(p => p.Text);

    public IEnumerable<string> Prefixes => _parts.Where(p => p.IsPrefix).Select(p => p.Text);

    public bool MatchesWord(string surface) => _parts.Length == 1 && PartMatches(_parts[0], surface);

    /// <summary>Whether the pattern occurs starting at word <paramref name="start"/>.</summary>
    public bool StartsAt(IReadOnlyList<Token> tokens, int start) => EndOfMatchAt(tokens, start) >= 0;

    /// <summary>Where the pattern occurs: (first word, last word) positions in <paramref name="tokens"/>.</summary>
    public IEnumerable<(int Start, int End)> FindAll(IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var end = EndOfMatchAt(tokens, i);
            if (end >= 0)
            {
                yield return (i, end);
            }
        }
    }

    /// <summary>The last word of a match that starts at <paramref name="start"/>, or -1.</summary>
    private int EndOfMatchAt(IReadOnlyList<Token> tokens, int start)
    {
        if (_parts.Length == 0 || !PartMatches(_parts[0], UrgentSurface(tokens[start])))
        {
            return -1;
        }

        var end = start;
        for (var k = 1; k < _parts.Length; k++)
        {
            var found = -1;
            for (var j = end + 1; j <= end + 1 + Gap && j < tokens.Count && tokens[j].Sentence == tokens[start].Sentence; j++)
            {
                if (PartMatches(_parts[k], UrgentSurface(tokens[j])))
                {
                    found = j;
                    break;
                }
            }

            if (found < 0)
            {
                return -1;
            }

            end = found;
        }

        return end;
    }

    // An anchor word in its everyday sense ("back up my files") must not satisfy a body-part term.
    private static string UrgentSurface(Token token) => token.IsOtherSense ? "" : token.Surface;

    private static bool PartMatches(Part part, string surface) =>
        part.IsRange ? surface.Length is > 0 and <= 4 && surface.All(char.IsAsciiDigit) && int.Parse(surface, System.Globalization.CultureInfo.InvariantCulture) is var n && n >= part.Min && n <= part.Max
        : part.IsPrefix ? surface.StartsWith(part.Text, StringComparison.Ordinal) && surface.Length > 0
        : surface == part.Text;

    /// <summary>One word of a pattern: exact text, a prefix, or (when <see cref="Max"/> is not below <see cref="Min"/>) a number range.</summary>
    private readonly record struct Part(string Text, bool IsPrefix, int Min, int Max)
    {
        public bool IsRange => Max >= Min;
    }
}

namespace BackCare.Bot.Routing;

/// <summary>
/// A red-flag term as written in routing.json: one or more words matched on the words as typed, each either
/// exact or, with a trailing *, a prefix ("incontinen*"). Consecutive words may have one word between them
/// ("can't really feel" still matches "can not feel").
/// </summary>
internal sealed class TermPattern
{
    private const int Gap = 1;
    private readonly (string Text, bool IsPrefix)[] _parts;

    private TermPattern((string Text, bool IsPrefix)[] parts) => _parts = parts;

    public static TermPattern Parse(string term, TextAnalyzer analyzer)
    {
        var parts = new List<(string, bool)>();
        foreach (var piece in term.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var isPrefix = piece.EndsWith('*');
            var words = analyzer.SurfacesOf(isPrefix ? piece[..^1] : piece);
            for (var k = 0; k < words.Length; k++)
            {
                parts.Add((words[k], isPrefix && k == words.Length - 1));
            }
        }

        return new TermPattern(parts.ToArray());
    }

    /// <summary>The words this pattern spells out, for the typo vocabulary; prefixes are reported separately.</summary>
    public IEnumerable<string> Words => _parts.Where(p => !p.IsPrefix).Select(p => p.Text);

    public IEnumerable<string> Prefixes => _parts.Where(p => p.IsPrefix).Select(p => p.Text);

    public bool MatchesWord(string surface) => _parts.Length == 1 && PartMatches(_parts[0], surface);

    /// <summary>Whether the pattern occurs starting at word <paramref name="start"/>.</summary>
    public bool StartsAt(IReadOnlyList<Token> tokens, int start) =>
        _parts.Length > 0 && PartMatches(_parts[0], UrgentSurface(tokens[start])) && FindAll(tokens).Any(m => m.Start == start);

    /// <summary>Where the pattern occurs: (first word, last word) positions in <paramref name="tokens"/>.</summary>
    public IEnumerable<(int Start, int End)> FindAll(IReadOnlyList<Token> tokens)
    {
        if (_parts.Length == 0) yield break;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!PartMatches(_parts[0], UrgentSurface(tokens[i]))) continue;
            var end = i;
            var matched = true;
            for (var k = 1; k < _parts.Length && matched; k++)
            {
                matched = false;
                for (var j = end + 1; j <= end + 1 + Gap && j < tokens.Count && tokens[j].Sentence == tokens[i].Sentence; j++)
                {
                    if (PartMatches(_parts[k], UrgentSurface(tokens[j])))
                    {
                        end = j;
                        matched = true;
                        break;
                    }
                }
            }

            if (matched) yield return (i, end);
        }
    }

    // An anchor word in its everyday sense ("back up my files") must not satisfy a body-part term.
    private static string UrgentSurface(Token token) => token.IsOtherSense ? "" : token.Surface;

    private static bool PartMatches((string Text, bool IsPrefix) part, string surface) =>
        part.IsPrefix ? surface.StartsWith(part.Text, StringComparison.Ordinal) && surface.Length > 0 : surface == part.Text;
}

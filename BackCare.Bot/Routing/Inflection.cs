namespace BackCare.Bot.Routing;

/// <summary>Regular English endings, to tell a word's own forms ("trips", "slipped") from a misspelling of it ("controle").</summary>
internal static class Inflection
{
    /// <summary>
    /// Whether <paramref name="a"/> and <paramref name="b"/> are forms of one word: one is the other with a regular
    /// ending ("ladder", "ladders"), or both are forms of a third ("checks", "checked"; "provides", "provider").
    /// "bowles" and "bowls" are not: "-es" follows only s, x, z, ch, sh or o.
    /// </summary>
    public static bool AreFormsOfOneWord(string a, string b) =>
        a == b || IsRegular(a, b) || IsRegular(b, a) || Bases(a).Intersect(Bases(b), StringComparer.Ordinal).Any();

    /// <summary>
    /// Whether <paramref name="word"/> is <paramref name="stem"/> with a regular ending: "trips", "crashes", "numbed",
    /// "slipped", "wiping", "injuries".
    /// </summary>
    public static bool IsRegular(string word, string stem)
    {
        if (word.Length <= stem.Length || stem.Length < 2)
        {
            return false;
        }

        if (word.StartsWith(stem, StringComparison.Ordinal))
        {
            var ending = word[stem.Length..];
            return ending switch
            {
                "s" => !stem.EndsWith('s'),
                "es" => stem.EndsWith('s') || stem.EndsWith('x') || stem.EndsWith('z') || stem.EndsWith("ch", StringComparison.Ordinal) || stem.EndsWith("sh", StringComparison.Ordinal) || stem.EndsWith('o'),
                "d" or "r" or "st" => stem.EndsWith('e'),
                "ed" or "ing" or "er" or "ers" or "est" or "ly" or "y" or "ness" => true,
                // A doubled last letter: "slipped", "dragging", "controlled".
                _ => ending.Length >= 3 && ending[0] == stem[^1] && ending[1..] is "ed" or "ing" or "er" or "ers",
            };
        }

        // A silent e dropped ("wiping", "dribbled") or a y turned to i ("injuries", "worried").
        var rest = word[(stem.Length - 1)..];
        return word.StartsWith(stem[..^1], StringComparison.Ordinal)
            && ((stem.EndsWith('e') && rest is "ing" or "ed" or "er" or "ers") || (stem.EndsWith('y') && rest is "ies" or "ied" or "ier"));
    }

    /// <summary>The words <paramref name="word"/> could be a regular form of ("checked": "check", "checke").</summary>
    private static IEnumerable<string> Bases(string word)
    {
        for (var cut = 1; cut <= 4 && cut < word.Length - 1; cut++)
        {
            var root = word[..^cut];
            foreach (var candidate in (string[])[root, root + "e", root + "y"])
            {
                if (IsRegular(word, candidate))
                {
                    yield return candidate;
                }
            }
        }
    }
}

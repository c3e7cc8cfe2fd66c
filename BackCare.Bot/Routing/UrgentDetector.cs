namespace BackCare.Bot.Routing;

/// <summary>
/// Recognises the emergency red flags of <see cref="UrgentSettings"/>. Deliberately conservative: a term counts
/// unless a negation plainly denies it ("no numbness", "bladder's fine", "I didn't fall"), the sentence is about
/// someone else ("my cat's back legs are weak"), or it plainly lies in the past ("the crash was ten years ago");
/// anything less clear ("what if my groin goes numb?") is treated as urgent, because a needless emergency warning
/// costs little and a missed one can cost a person the use of their legs.
/// </summary>
internal sealed class UrgentDetector
{
    private readonly CompiledRule[] _rules;
    private readonly TermPattern[] _negationExempt;
    private readonly HashSet<string> _exemptAfter;
    private readonly TermPattern[] _otherPeople;
    private readonly TermPattern[] _self;
    private readonly int _window;

    public UrgentDetector(UrgentSettings settings, TextAnalyzer analyzer)
    {
        _window = settings.Window;
        _negationExempt = Parse(settings.NegationExempt, analyzer);
        _exemptAfter = settings.NegationExemptAfter.SelectMany(analyzer.SurfacesOf).ToHashSet(StringComparer.Ordinal);
        _otherPeople = Parse(settings.OtherPeople, analyzer);
        _self = Parse(settings.Self, analyzer);
        _rules = settings.Rules
            .Select(r => new CompiledRule(
                r.Name,
                r.Groups.Select(g => Parse(g, analyzer)).ToArray(),
                Parse(r.Except, analyzer),
                Parse(r.Vetoes, analyzer),
                r.Window ?? settings.Window))
            .ToArray();
    }

    public IEnumerable<TermPattern> AllPatterns =>
        _rules.SelectMany(r => r.Groups.SelectMany(g => g).Concat(r.Except).Concat(r.Vetoes))
            .Concat(_negationExempt).Concat(_otherPeople).Concat(_self);

    /// <summary>The name of the first red flag the message raises, or null.</summary>
    public string? Detect(IReadOnlyList<Token> tokens)
    {
        foreach (var rule in _rules)
        {
            var excluded = new HashSet<int>();
            foreach (var pattern in rule.Except)
            {
                foreach (var (start, end) in pattern.FindAll(tokens))
                {
                    for (var p = start; p <= end; p++) excluded.Add(p);
                }
            }

            var positions = rule.Groups.Select((group, g) => Occurrences(group, tokens, excluded, checkNegation: g == 0)).ToArray();
            if (positions.Any(p => p.Count == 0)) continue;

            var vetoed = rule.Vetoes.SelectMany(v => v.FindAll(tokens)).Select(m => tokens[m.Start].Sentence).ToHashSet();
            foreach (var anchor in positions[0])
            {
                if (vetoed.Contains(tokens[anchor].Sentence) || IsAboutSomeoneElse(tokens, anchor)) continue;
                if (positions.Skip(1).All(other => other.Any(p => Math.Abs(p - anchor) <= rule.Window)))
                {
                    return rule.Name;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the words at <paramref name="anchor"/> describe someone else: the last person named before them in
    /// their sentence is another ("my cat's back legs are weak and wobbly", "my nan had a fall"), and no "I" or "me"
    /// follows in their clause ("my friend crashed into me" is the user's).
    /// </summary>
    private bool IsAboutSomeoneElse(IReadOnlyList<Token> tokens, int anchor)
    {
        if (_otherPeople.Length == 0) return false;
        var sentence = tokens[anchor].Sentence;
        for (var i = anchor + 1; i < tokens.Count && tokens[i].Clause == tokens[anchor].Clause; i++)
        {
            if (_self.Any(p => p.MatchesWord(tokens[i].Surface))) return false;
        }

        for (var i = anchor; i >= 0 && tokens[i].Sentence == sentence; i--)
        {
            if (_self.Any(p => p.MatchesWord(tokens[i].Surface))) return false;
            if (_otherPeople.Any(p => p.StartsAt(tokens, i))) return true;
        }

        return false;
    }

    private List<int> Occurrences(TermPattern[] group, IReadOnlyList<Token> tokens, HashSet<int> excluded, bool checkNegation)
    {
        var found = new List<int>();
        foreach (var pattern in group)
        {
            foreach (var (start, end) in pattern.FindAll(tokens))
            {
                if (excluded.Contains(start) || excluded.Contains(end)) continue;
                if (checkNegation && tokens[start].IsNegated && !IsExempt(tokens[start])) continue;
                found.Add(start);
            }
        }

        return found;
    }

    // "haven't peed since yesterday" is retention, a red flag; "no trouble peeing" denies it.
    private bool IsExempt(Token token) =>
        token.NegatedBy is { } cue && _exemptAfter.Contains(cue) && _negationExempt.Any(e => e.MatchesWord(token.Surface));

    private static TermPattern[] Parse(IEnumerable<string> terms, TextAnalyzer analyzer) =>
        terms.Select(t => TermPattern.Parse(t, analyzer)).ToArray();

    private sealed record CompiledRule(string Name, TermPattern[][] Groups, TermPattern[] Except, TermPattern[] Vetoes, int Window);
}

namespace BackCare.Bot.Routing;

/// <summary>
/// Recognises the emergency red flags of <see cref="UrgentSettings"/>. Deliberately conservative: a term counts
/// unless a negation plainly denies it ("no numbness", "I don't have bladder problems"); anything less clear
/// ("what if my groin goes numb?") is treated as urgent, because a needless emergency warning costs little and
/// a missed one can cost a person the use of their legs.
/// </summary>
internal sealed class UrgentDetector
{
    private readonly CompiledRule[] _rules;
    private readonly TermPattern[] _negationExempt;
    private readonly int _window;

    public UrgentDetector(UrgentSettings settings, TextAnalyzer analyzer)
    {
        _window = settings.Window;
        _negationExempt = settings.NegationExempt.Select(t => TermPattern.Parse(t, analyzer)).ToArray();
        _rules = settings.Rules
            .Select(r => new CompiledRule(
                r.Name,
                r.Groups.Select(g => g.Select(t => TermPattern.Parse(t, analyzer)).ToArray()).ToArray(),
                r.Except.Select(t => TermPattern.Parse(t, analyzer)).ToArray()))
            .ToArray();
    }

    public IEnumerable<TermPattern> AllPatterns =>
        _rules.SelectMany(r => r.Groups.SelectMany(g => g).Concat(r.Except)).Concat(_negationExempt);

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

            if (positions[0].Any(anchor => positions.Skip(1).All(other => other.Any(p => Math.Abs(p - anchor) <= _window))))
            {
                return rule.Name;
            }
        }

        return null;
    }

    private List<int> Occurrences(TermPattern[] group, IReadOnlyList<Token> tokens, HashSet<int> excluded, bool checkNegation)
    {
        var found = new List<int>();
        foreach (var pattern in group)
        {
            foreach (var (start, end) in pattern.FindAll(tokens))
            {
                if (excluded.Contains(start) || excluded.Contains(end)) continue;
                if (checkNegation && tokens[start].IsNegated && !_negationExempt.Any(e => e.MatchesWord(tokens[start].Surface))) continue;
                found.Add(start);
            }
        }

        return found;
    }

    private sealed record CompiledRule(string Name, TermPattern[][] Groups, TermPattern[] Except);
}

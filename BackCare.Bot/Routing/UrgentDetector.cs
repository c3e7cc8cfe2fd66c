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
    private readonly HashSet<string> _exemptUnlessBetween;
    private readonly HashSet<string> _deniersAfter;
    private readonly TermPattern[] _otherPeople;
    private readonly TermPattern[] _self;
    private readonly HashSet<string> _objectMarkers;
    private readonly TermPattern[] _notABody;

    /// <param name="deniersAfter">Words that deny what stands just before them ("legs fine"): a place or body part denied so is not where a symptom is.</param>
    public UrgentDetector(UrgentSettings settings, TextAnalyzer analyzer, IEnumerable<string> deniersAfter)
    {
        _negationExempt = Parse(settings.NegationExempt, analyzer);
        _exemptAfter = settings.NegationExemptAfter.SelectMany(analyzer.SurfacesOf).ToHashSet(StringComparer.Ordinal);
        _exemptUnlessBetween = settings.NegationExemptUnlessBetween.SelectMany(analyzer.SurfacesOf).ToHashSet(StringComparer.Ordinal);
        _deniersAfter = deniersAfter.SelectMany(analyzer.SurfacesOf).ToHashSet(StringComparer.Ordinal);
        _otherPeople = Parse(settings.OtherPeople, analyzer);
        _self = Parse(settings.Self, analyzer);
        _objectMarkers = settings.ObjectMarkers.SelectMany(analyzer.SurfacesOf).ToHashSet(StringComparer.Ordinal);
        _notABody = Parse(settings.NotABody, analyzer);
        _rules = settings.Rules
            .Select(r => new CompiledRule(
                r.Name,
                r.Groups.Select(g => Parse(g, analyzer)).ToArray(),
                Parse(r.Except, analyzer),
                Parse(r.Vetoes, analyzer),
                Parse(r.VetoesAnywhere, analyzer),
                r.Window ?? settings.Window,
                r.Ask,
                r.AcrossSentences,
                r.Level ?? SafetyLevels.Emergency,
                r.Advice,
                r.Answer))
            .ToArray();
    }

    public IEnumerable<TermPattern> AllPatterns =>
        _rules.SelectMany(r => r.Groups.SelectMany(g => g).Concat(r.Except).Concat(r.Vetoes).Concat(r.VetoesAnywhere))
            .Concat(_negationExempt).Concat(_otherPeople).Concat(_self).Concat(_notABody);

    /// <summary>The first red flag the message raises (rules in file order), or null.</summary>
    public RedFlagMatch? Detect(IReadOnlyList<Token> tokens) => Detect(tokens, partial: false);

    /// <summary>The first partial red flag (one to ask about) the message raises, or null.</summary>
    public RedFlagMatch? DetectPartial(IReadOnlyList<Token> tokens) => Detect(tokens, partial: true);

    private RedFlagMatch? Detect(IReadOnlyList<Token> tokens, bool partial)
    {
        // The clauses about a game, a story or a dream are the same for every rule: found once, when first needed.
        HashSet<int>? notABodyClauses = null;
        foreach (var rule in _rules.Where(r => r.Ask == partial))
        {
            var excluded = new HashSet<int>();
            foreach (var pattern in rule.Except)
            {
                foreach (var (start, end) in pattern.FindAll(tokens))
                {
                    for (var p = start; p <= end; p++)
                    {
                        excluded.Add(p);
                    }
                }
            }

            if (rule.VetoesAnywhere.Any(v => v.FindAll(tokens).Any()))
            {
                continue;
            }

            var positions = rule.Groups.Select((group, g) => Occurrences(group, tokens, excluded, isSymptom: g == 0)).ToArray();
            if (positions.Any(p => p.Count == 0))
            {
                continue;
            }

            // A veto speaks for its own clause only: "a crash years ago, but yesterday I fell off a ladder" is today's fall.
            var vetoed = rule.Vetoes.SelectMany(v => v.FindAll(tokens)).Where(m => !tokens[m.Start].IsNegated).Select(m => tokens[m.Start].Clause).ToHashSet();
            notABodyClauses ??= _notABody.SelectMany(p => p.FindAll(tokens)).Select(m => tokens[m.Start].Clause).ToHashSet();
            vetoed.UnionWith(notABodyClauses);
            foreach (var anchor in positions[0])
            {
                if (vetoed.Contains(tokens[anchor].Clause) || IsAboutSomeoneElse(tokens, anchor))
                {
                    continue;
                }

                if (positions.Skip(1).All(other => other.Any(p => Math.Abs(p - anchor) <= rule.Window && (rule.AcrossSentences || tokens[p].Sentence == tokens[anchor].Sentence))))
                {
                    return new RedFlagMatch(rule.Name, rule.Level, rule.Advice, rule.Answer);
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
        if (_otherPeople.Length == 0)
        {
            return false;
        }

        var sentence = tokens[anchor].Sentence;
        for (var i = anchor + 1; i < tokens.Count && tokens[i].Clause == tokens[anchor].Clause; i++)
        {
            if (IsSelf(tokens, i))
            {
                return false;
            }
        }

        for (var i = anchor; i >= 0 && tokens[i].Sentence == sentence; i--)
        {
            if (_otherPeople.Any(p => p.StartsAt(tokens, i)) && !IsObject(tokens, i))
            {
                return true;
            }

            if (IsSelf(tokens, i))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether someone named at <paramref name="at"/> is the object of a preposition ("tripped over the cat", "fell
    /// with my dog"): then they are not the one the event happened to, and the search for a subject goes on.
    /// </summary>
    private bool IsObject(IReadOnlyList<Token> tokens, int at)
    {
        var before = at - 1;
        while (before >= 0 && tokens[before].Sentence == tokens[at].Sentence && Determiners.Contains(tokens[before].Surface))
        {
            before--;
        }

        return before >= 0 && tokens[before].Sentence == tokens[at].Sentence && _objectMarkers.Contains(tokens[before].Surface);
    }

    /// <summary>Words that may stand between a preposition and the person it governs ("over the cat", "with my dog").</summary>
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "the", "a", "an", "my", "our", "your", "this", "that" };

    /// <summary>"I", "me", or a "my" that does not begin someone else ("my legs", not "my wife").</summary>
    private bool IsSelf(IReadOnlyList<Token> tokens, int i) =>
        _self.Any(p => p.MatchesWord(tokens[i].Surface))
        || (tokens[i].Surface == "my" && !_otherPeople.Any(p => p.StartsAt(tokens, i)));

    /// <summary>
    /// Where the group's terms occur. A symptom or event (the first group) does not count when denied; a place or
    /// body part does not count when a word after it denies it ("legs fine, just a little numb in my toes"), though
    /// "no feeling in my legs" still names a loss in the legs.
    /// </summary>
    private List<int> Occurrences(TermPattern[] group, IReadOnlyList<Token> tokens, HashSet<int> excluded, bool isSymptom)
    {
        var found = new List<int>();
        foreach (var pattern in group)
        {
            foreach (var (start, end) in pattern.FindAll(tokens))
            {
                if (excluded.Contains(start) || excluded.Contains(end))
                {
                    continue;
                }

                var token = tokens[start];
                if (isSymptom && token.IsNegated && !IsExempt(tokens, start))
                {
                    continue;
                }

                if (!isSymptom && token.NegatedBy is { } denier && _deniersAfter.Contains(denier) && token.NegatedFrom < 0)
                {
                    continue;
                }

                found.Add(start);
            }
        }

        return found;
    }

    // "haven't peed since yesterday" is retention, a red flag; "no trouble peeing" and "haven't had any trouble peeing" deny it.
    private bool IsExempt(IReadOnlyList<Token> tokens, int at)
    {
        var token = tokens[at];
        if (token.NegatedBy is not { } cue || !_exemptAfter.Contains(cue) || !_negationExempt.Any(e => e.MatchesWord(token.Surface)))
        {
            return false;
        }

        for (var i = Math.Max(0, token.NegatedFrom + 1); i < at; i++)
        {
            if (_exemptUnlessBetween.Contains(tokens[i].Surface))
            {
                return false;
            }
        }

        return true;
    }

    private static TermPattern[] Parse(IEnumerable<string> terms, TextAnalyzer analyzer) =>
        terms.Select(t => TermPattern.Parse(t, analyzer)).ToArray();

    private sealed record CompiledRule(string Name, TermPattern[][] Groups, TermPattern[] Except, TermPattern[] Vetoes, TermPattern[] VetoesAnywhere, int Window, bool Ask, bool AcrossSentences, string Level, string? Advice, string? Answer);
}

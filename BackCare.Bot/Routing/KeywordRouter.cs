namespace BackCare.Bot.Routing;

/// <summary>
/// Routes a message to a routing id (docs/routing.md) with a 0..1 score, alternatives and a decision (answer,
/// "did you mean", or honest fallback). It runs on every message, so everything that can be is worked out in
/// the constructor; <see cref="Route(string?)"/> is then a pure function of the text and safe to call from any thread.
/// </summary>
/// <remarks>
/// Order of precedence: an emergency red flag (always "urgent", Answer); then the off-topic rules (another
/// subject without a back or spine word, or "crack"/"pop" and other everyday-sense words with nothing else about
/// backs → "none"); then the weighted keywords, phrases and combinations of each entry.
/// </remarks>
public sealed class KeywordRouter
{
    /// <summary>Where <see cref="LoadDefault"/> looks, relative to the application's base directory.</summary>
    public static readonly string DefaultRelativePath = Path.Combine("Content", "Data", "routing.json");

    private readonly RoutingModel _model;
    private readonly TextAnalyzer _analyzer;
    private readonly UrgentDetector _urgent;
    private readonly UrgentDetector? _seeDoctor;
    private readonly string[] _ids;
    private readonly Dictionary<string, string> _titles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<KeywordHit>> _keywords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<KeywordHit>> _negatedKeywords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CompiledPhrase>> _phrasesByFirstTerm = new(StringComparer.Ordinal);
    private readonly List<CompiledCombination> _combinations = [];
    private readonly HashSet<string> _anchors;
    private readonly HashSet<string> _ambiguous;
    private readonly HashSet<string>?[] _requirements;
    private readonly HashSet<string> _offTopicWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _painWords;
    private readonly string[][] _painPhrases;
    private readonly HashSet<string> _animals;
    private readonly List<string[]> _offTopicPhrases = [];
    private readonly int _slotCount;
    private readonly int _phraseCount;

    public KeywordRouter(RoutingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _analyzer = new TextAnalyzer(model);
        _urgent = new UrgentDetector(model.Urgent, _analyzer, model.Negation.CuesAfter);
        // Who a sentence is about does not depend on the block: the see-a-doctor signs use the emergency signs' people.
        _seeDoctor = model.SeeDoctorFirst is { } seeDoctor
            ? new UrgentDetector(seeDoctor with { OtherPeople = model.Urgent.OtherPeople, Self = model.Urgent.Self }, _analyzer, model.Negation.CuesAfter)
            : null;
        _ids = model.Entries.Select(e => e.Id).ToArray();
        _requirements = new HashSet<string>?[_ids.Length];
        _titles[RoutingIds.Urgent] = model.Urgent.Title;

        // A slot is one (entry, term) pair: a keyword counts once per entry however often it is typed.
        var slots = new Dictionary<(int, string), int>();
        int SlotOf(int entry, string term)
        {
            if (!slots.TryGetValue((entry, term), out var slot))
            {
                slot = slots.Count;
                slots[(entry, term)] = slot;
            }

            return slot;
        }

        var phraseCount = 0;
        for (var e = 0; e < model.Entries.Count; e++)
        {
            var entry = model.Entries[e];
            _titles[entry.Id] = entry.Title;
            if (entry.RequiresAny.Count > 0)
            {
                _requirements[e] = entry.RequiresAny.Select(SingleTerm).ToHashSet(StringComparer.Ordinal);
            }

            foreach (var (word, weight) in entry.Keywords)
            {
                var term = SingleTerm(word);
                Add(_keywords, term, new KeywordHit(e, SlotOf(e, term), weight));
            }

            foreach (var (word, weight) in entry.NegatedKeywords)
            {
                var term = SingleTerm(word);
                Add(_negatedKeywords, term, new KeywordHit(e, SlotOf(e, term), weight));
            }

            foreach (var (text, weight) in entry.Phrases)
            {
                var terms = _analyzer.Terms(text);
                if (terms.Length == 0)
                {
                    continue;
                }

                Add(_phrasesByFirstTerm, terms[0], new CompiledPhrase(e, phraseCount++, terms, weight));
            }

            foreach (var combination in entry.Combinations)
            {
                _combinations.Add(new CompiledCombination(e, combination.Terms.Select(SingleTerm).Distinct().ToArray(), combination.Weight));
            }
        }

        _slotCount = slots.Count;
        _phraseCount = phraseCount;
        _anchors = model.Anchors.Select(SingleTerm).ToHashSet(StringComparer.Ordinal);
        _painWords = model.PainWords.Select(SingleTerm).ToHashSet(StringComparer.Ordinal);
        _painPhrases = model.PainPhrases.Select(_analyzer.Terms).Where(t => t.Length > 0).ToArray();
        _animals = model.Animals.SelectMany(_analyzer.SurfacesOf).ToHashSet(StringComparer.Ordinal);
        _ambiguous = model.AmbiguousWords.Select(SingleTerm).ToHashSet(StringComparer.Ordinal);
        foreach (var item in model.OffTopic)
        {
            var terms = _analyzer.Terms(item);
            if (terms.Length == 1)
            {
                _offTopicWords.Add(terms[0]);
            }
            else if (terms.Length > 1)
            {
                _offTopicPhrases.Add(terms);
            }
        }

        var redFlagPatterns = _urgent.AllPatterns.Concat(_seeDoctor?.AllPatterns ?? []).ToList();
        // A short off-topic word has many everyday neighbours one edit away ("beter" is "better", not "beer"), so it
        // is known as written but never the target of a correction that would rule the message out.
        // Only words that are off-topic alone: "crack" in "crack a joke" stays a target, being the bot's own word.
        var vocabulary = Vocabulary(model, redFlagPatterns).ToHashSet(StringComparer.Ordinal);
        var onTopic = Vocabulary(model with { OffTopic = [] }, redFlagPatterns).ToHashSet(StringComparer.Ordinal);
        var shortOffTopic = vocabulary.Where(w => w.Length < OffTopicTypoTargetLength && !onTopic.Contains(w));
        _analyzer.SetVocabulary(vocabulary, redFlagPatterns.SelectMany(p => p.Prefixes), redFlagPatterns.SelectMany(p => p.Words.Concat(p.Prefixes)), shortOffTopic);
    }

    /// <summary>Loads Content/Data/routing.json from next to the application (it is copied to the output folder).</summary>
    public static KeywordRouter LoadDefault() =>
        new(RoutingModelLoader.Load(Path.Combine(AppContext.BaseDirectory, DefaultRelativePath)));

    /// <summary>The text pipeline this router uses, for tests of normalisation, typos and negation.</summary>
    internal TextAnalyzer Analyzer => _analyzer;

    /// <summary>The message with misspellings corrected towards the routing vocabulary (for the semantic layer).</summary>
    public string CorrectSpelling(string text) => _analyzer.CorrectSpelling(text);

    /// <summary>When the semantic layer may decide (routing.json, "semantic").</summary>
    public SemanticThresholds SemanticThresholds => _model.Semantic;

    /// <summary>Whether anything in the message is denied ("no numbness", "bladder's fine"): the semantic layer cannot see denials.</summary>
    public bool HasDenial(string? text) => !string.IsNullOrWhiteSpace(text) && _analyzer.Analyze(text).Any(t => t.IsNegated);

    /// <summary>Whether the message holds a partial red flag ("I slipped and my back's stiff"): the one safety question settles it, not a guess.</summary>
    public bool HasPartialRedFlag(string? text) => !string.IsNullOrWhiteSpace(text) && _urgent.DetectPartial(_analyzer.Analyze(text)) is not null;

    /// <summary>The short question shown for an id on a "did you mean" button; null for "none" or an unknown id.</summary>
    public string? GetTitle(string intent) => _titles.GetValueOrDefault(intent);

    /// <summary>Routes one message. Never throws for any text; null or blank text falls back.</summary>
    public RoutingResult Route(string? utterance) => Route(utterance, askAboutPartialRedFlags: true);

    /// <summary>
    /// Routes one message. A partial red flag ("I slipped and my back's stiff") comes back as a "did you mean" of
    /// "urgent" from the safety layer, for the bot to ask about, unless <paramref name="askAboutPartialRedFlags"/>
    /// is false (the question was asked and answered "no").
    /// </summary>
    public RoutingResult Route(string? utterance, bool askAboutPartialRedFlags)
    {
        var text = utterance ?? "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return new RoutingResult(text, RoutingIds.None, 0, [], RoutingDecision.Fallback);
        }

        var tokens = _analyzer.Analyze(text);
        var raw = Score(tokens, out var evidence);
        var ranked = Enumerable.Range(0, _ids.Length)
            .Where(i => raw[i] > 0)
            .OrderByDescending(i => raw[i])
            .ThenBy(i => i)
            .ToArray();

        if (_urgent.Detect(tokens) is { } redFlag)
        {
            // The red flag overrides everything; the topical candidates stay visible in the trace.
            var alternatives = new List<RoutingAlternative> { new(RoutingIds.Urgent, 1.0) };
            alternatives.AddRange(ranked.Take(_model.Scoring.MaxAlternatives - 1).Select(i => new RoutingAlternative(_ids[i], ScoreOf(i, raw, ranked))));
            return new RoutingResult(text, RoutingIds.Urgent, 1.0, alternatives, RoutingDecision.Answer)
            {
                Layer = RoutingLayer.Safety,
                SafetyLevel = redFlag.Level,
                SafetyAdvice = redFlag.Advice,
            };
        }

        if (askAboutPartialRedFlags && _urgent.DetectPartial(tokens) is not null)
        {
            var alternatives = new List<RoutingAlternative> { new(RoutingIds.Urgent, 0.5) };
            alternatives.AddRange(ranked.Take(_model.Scoring.MaxAlternatives - 1).Select(i => new RoutingAlternative(_ids[i], ScoreOf(i, raw, ranked))));
            return new RoutingResult(text, RoutingIds.Urgent, 0.5, alternatives, RoutingDecision.Clarify) { Layer = RoutingLayer.Safety };
        }

        if (_seeDoctor?.Detect(tokens) is { } sign)
        {
            var answer = sign.Answer ?? RoutingIds.SeeDoctor;
            var alternatives = new List<RoutingAlternative> { new(answer, 1.0) };
            alternatives.AddRange(ranked.Where(i => _ids[i] != answer).Take(_model.Scoring.MaxAlternatives - 1).Select(i => new RoutingAlternative(_ids[i], ScoreOf(i, raw, ranked))));
            return new RoutingResult(text, answer, 1.0, alternatives, RoutingDecision.Answer)
            {
                Layer = RoutingLayer.Safety,
                SafetyLevel = sign.Level,
                SafetyAdvice = sign.Advice,
            };
        }

        if (ranked.Length == 0 || IsOffTopic(tokens, evidence) || IsAboutAnAnimal(tokens))
        {
            return new RoutingResult(text, RoutingIds.None, 0, [], RoutingDecision.Fallback) { IsRuledOffTopic = NamesAnotherSubject(tokens, evidence.Covered) };
        }

        var anchored = IsAnchored(tokens);
        var top = ranked[0];
        var score = ScoreOf(top, raw, ranked);
        var thresholds = _model.Thresholds;

        // Two entries with exactly equal evidence: whichever came first in the file would be a coin toss, so ask.
        var tied = ranked.Length > 1 && raw[ranked[1]] >= raw[top];
        if (score >= thresholds.Answer && !tied)
        {
            return new RoutingResult(text, _ids[top], score, Alternatives(ranked, raw, ranked.Length), RoutingDecision.Answer) { IsAnchored = anchored };
        }

        if (score >= thresholds.Clarify)
        {
            // Offer the candidates close to the best; at least two when a second one matched at all.
            var close = ranked.Count(i => raw[i] >= _model.Scoring.ClarifyShare * raw[top]);
            var count = Math.Max(close, Math.Min(2, ranked.Length));
            return new RoutingResult(text, _ids[top], score, Alternatives(ranked, raw, count), RoutingDecision.Clarify) { IsAnchored = anchored };
        }

        return new RoutingResult(text, RoutingIds.None, score, Alternatives(ranked, raw, ranked.Length), RoutingDecision.Fallback) { IsAnchored = anchored };
    }

    /// <summary>
    /// Whether the message reports pain ("argh, that's really sore now", "it hurts more", "that's pinching", "not
    /// nice at all"), not denied ("it doesn't hurt"): during or just after a technique that means stop, whatever else
    /// it says. The stretch itself ("I can feel it pulling", "a bit tight") is not pain.
    /// </summary>
    public bool IsPainReport(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || (_painWords.Count == 0 && _painPhrases.Length == 0))
        {
            return false;
        }

        var tokens = _analyzer.Analyze(text);
        return tokens.Any(t => !t.IsNegated && _painWords.Contains(t.Term))
            || _painPhrases.Any(p => Enumerable.Range(0, tokens.Count).Any(i => MatchEnd(tokens, i, p, _model.Scoring.PhraseGap) >= 0));
    }

    private List<RoutingAlternative> Alternatives(int[] ranked, double[] raw, int count) =>
        ranked.Take(Math.Min(count, _model.Scoring.MaxAlternatives))
            .Select(i => new RoutingAlternative(_ids[i], ScoreOf(i, raw, ranked)))
            .ToList();

    /// <summary>
    /// strength × dominance: strength grows with the evidence (1 − e^(−raw/saturation)); dominance is 1 when no
    /// other entry matched, 0.5 when another matched as strongly and falls towards 0 for a candidate far behind
    /// the best; with a rival close behind, only strong evidence reaches the answer threshold.
    /// </summary>
    private double ScoreOf(int entry, double[] raw, int[] ranked)
    {
        var own = raw[entry];
        if (own <= 0)
        {
            return 0;
        }

        var bestOther = ranked.Where(i => i != entry).Select(i => raw[i]).DefaultIfEmpty(0).First();
        var strength = 1 - Math.Exp(-own / _model.Scoring.Saturation);
        var dominance = Math.Clamp(0.5 + (0.5 * (own - bestOther) / Math.Max(own, bestOther)), 0, 1);
        return Math.Round(strength * dominance, 4);
    }

    private double[] Score(List<Token> tokens, out Evidence evidence)
    {
        var raw = new double[_ids.Length];
        var slots = new double[_slotCount];
        var slotEntry = new int[_slotCount];
        var phraseSeen = new bool[_phraseCount];
        var present = new HashSet<string>(StringComparer.Ordinal);
        var mentioned = new HashSet<string>(StringComparer.Ordinal);

        // For the everyday-word rule: per content word (not stop, not everyday-sense, not a number), the entries it
        // counted for. Settled after the requirements below, since a word counting only for a ruled-out entry is no
        // evidence of anything.
        var contentWords = new List<List<int>>();
        var phraseEvidence = new List<int>();
        var phraseSpans = new List<(int Entry, int Start, int End)>();
        var ambiguousSeen = false;
        var negatedFactor = _model.Scoring.NegatedKeywordFactor;

        foreach (var token in tokens)
        {
            if (token.IsStopWord)
            {
                continue;
            }

            var isAmbiguous = _ambiguous.Contains(token.Term) && !token.IsFromPhrase;
            ambiguousSeen |= isAmbiguous;
            mentioned.Add(token.Term);
            if (!token.IsNegated)
            {
                present.Add(token.Term);
            }

            var entries = isAmbiguous || IsNumber(token.Surface) ? null : new List<int>();
            if (entries is not null)
            {
                contentWords.Add(entries);
            }

            if (_keywords.TryGetValue(token.Term, out var hits))
            {
                foreach (var hit in hits)
                {
                    entries?.Add(hit.Entry);
                    var weight = token.IsNegated ? hit.Weight * negatedFactor : hit.Weight;
                    if (weight > slots[hit.Slot])
                    {
                        slots[hit.Slot] = weight;
                        slotEntry[hit.Slot] = hit.Entry;
                    }
                }
            }

            if (token.IsNegated && _negatedKeywords.TryGetValue(token.Term, out var negatedHits))
            {
                foreach (var hit in negatedHits)
                {
                    entries?.Add(hit.Entry);
                    if (hit.Weight > slots[hit.Slot])
                    {
                        slots[hit.Slot] = hit.Weight;
                        slotEntry[hit.Slot] = hit.Entry;
                    }
                }
            }
        }

        for (var s = 0; s < _slotCount; s++)
        {
            raw[slotEntry[s]] += slots[s];
        }

        var gap = _model.Scoring.PhraseGap;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_phrasesByFirstTerm.TryGetValue(tokens[i].Term, out var phrases))
            {
                continue;
            }

            foreach (var phrase in phrases)
            {
                if (phraseSeen[phrase.Id])
                {
                    continue;
                }

                var end = MatchEnd(tokens, i, phrase.Terms, gap);
                if (end < 0)
                {
                    continue;
                }

                phraseSeen[phrase.Id] = true;
                phraseSpans.Add((phrase.Entry, i, end));
                raw[phrase.Entry] += tokens[i].IsNegated ? phrase.Weight * negatedFactor : phrase.Weight;
                if (phrase.Terms.Any(t => !_ambiguous.Contains(t) && !_analyzer.IsStopWord(t)))
                {
                    phraseEvidence.Add(phrase.Entry);
                }
            }
        }

        foreach (var combination in _combinations)
        {
            if (combination.Terms.All(present.Contains))
            {
                raw[combination.Entry] += combination.Weight;
            }
        }

        // An entry whose subject is not mentioned at all does not count, whatever else matched.
        for (var e = 0; e < raw.Length; e++)
        {
            if (_requirements[e] is { } required && !required.Overlaps(mentioned))
            {
                raw[e] = 0;
            }
        }

        var corroborated = phraseEvidence.Any(e => raw[e] > 0) || contentWords.Any(w => w.Any(e => raw[e] > 0));
        var otherContent = contentWords.Any(w => !w.Any(e => raw[e] > 0));
        // The words of a phrase that counted are that phrase's, whatever else they can mean alone: the "bottle" of
        // "hot water bottle", the "screen" of "screen height".
        var covered = new HashSet<int>();
        foreach (var (_, start, end) in phraseSpans.Where(span => raw[span.Entry] > 0))
        {
            for (var p = start; p <= end; p++)
            {
                covered.Add(p);
            }
        }

        evidence = new Evidence(ambiguousSeen, corroborated, otherContent, covered);
        return raw;
    }

    /// <summary>
    /// Another subject's words with no back or spine word ("crack the code", "pop music", "back up my files"), or
    /// everyday-sense words whose only company is words the routing data does not know ("crack a cold one",
    /// "stretch limo") — the bot is about backs, but "crack" alone never makes a question about something else on-topic.
    /// A bare "crack?" has no such company and is left to the scores (a "did you mean").
    /// </summary>
    private bool IsOffTopic(List<Token> tokens, Evidence evidence)
    {
        if (IsAnchored(tokens))
        {
            return false;
        }

        if (NamesAnotherSubject(tokens, evidence.Covered))
        {
            return true;
        }

        return evidence.AmbiguousSeen && !evidence.Corroborated && evidence.OtherContent;
    }

    /// <summary>
    /// Another subject's words or phrases ("password", "my knee hurts") and no back or spine word in the body sense;
    /// or an animal and no word of the user's own ("my dog sleeps on his back"). Words inside a phrase of the routing
    /// data that counted (<paramref name="covered"/>) are that phrase's: "hot water bottle" names no drink.
    /// </summary>
    private bool NamesAnotherSubject(List<Token> tokens, HashSet<int> covered) =>
        IsAboutAnAnimal(tokens)
        || (!IsAnchored(tokens)
            && (Enumerable.Range(0, tokens.Count).Any(i => _offTopicWords.Contains(tokens[i].Term) && !covered.Contains(i))
                || _offTopicPhrases.Any(p => Enumerable.Range(0, tokens.Count).Any(i => MatchEnd(tokens, i, p, 1) is var end && end >= 0 && !IsCovered(tokens, i, end, covered)))));

    /// <summary>Whether every word of a match that is not a stop word lies inside a phrase that counted ("the heating pad").</summary>
    private static bool IsCovered(List<Token> tokens, int start, int end, HashSet<int> covered) =>
        covered.Count > 0 && Enumerable.Range(start, end - start + 1).All(p => tokens[p].IsStopWord || covered.Contains(p));

    /// <summary>
    /// Every back or spine word belongs to an animal: reading back from it in its sentence, an animal comes before
    /// any word of the user's ("my dog sleeps on his back", "my rabbit's back legs"). "My dog jumped on my back" and
    /// "the horse I ride has a sore back" are the user's.
    /// </summary>
    private bool IsAboutAnAnimal(List<Token> tokens)
    {
        if (_animals.Count == 0 || !tokens.Any(t => _animals.Contains(t.Surface)))
        {
            return false;
        }

        var anyAnchor = false;
        for (var a = 0; a < tokens.Count; a++)
        {
            if (!_anchors.Contains(tokens[a].Term) || tokens[a].IsOtherSense)
            {
                continue;
            }

            anyAnchor = true;
            if (!IsAnimals(tokens, a))
            {
                return false;
            }
        }

        return anyAnchor;
    }

    private bool IsAnimals(List<Token> tokens, int anchor)
    {
        for (var i = anchor - 1; i >= 0 && tokens[i].Sentence == tokens[anchor].Sentence; i--)
        {
            var surface = tokens[i].Surface;
            if (_animals.Contains(surface))
            {
                return true;
            }

            var ownsAnAnimal = surface == "my" && i + 1 < tokens.Count && _animals.Contains(tokens[i + 1].Surface);
            if (surface is "i" or "me" or "myself" or "your" or "our" || (surface == "my" && !ownsAnAnimal))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A back or spine word in the body sense ("my back", not "back up my files").</summary>
    private bool IsAnchored(List<Token> tokens) => tokens.Any(t => _anchors.Contains(t.Term) && !t.IsOtherSense);

    /// <summary>
    /// Where the phrase's terms occur in order from position <paramref name="start"/>, within one sentence, at most
    /// <paramref name="gap"/> words apart: the position of its last word, or -1 when they do not.
    /// </summary>
    private static int MatchEnd(List<Token> tokens, int start, string[] terms, int gap)
    {
        if (tokens[start].Term != terms[0])
        {
            return -1;
        }

        var position = start;
        for (var k = 1; k < terms.Length; k++)
        {
            var found = -1;
            for (var j = position + 1; j <= position + 1 + gap && j < tokens.Count; j++)
            {
                if (tokens[j].Sentence != tokens[start].Sentence)
                {
                    break;
                }

                if (tokens[j].Term == terms[k])
                {
                    found = j;
                    break;
                }
            }

            if (found < 0)
            {
                return -1;
            }

            position = found;
        }

        return position;
    }

    private static bool IsNumber(string surface) => surface.All(char.IsDigit);

    private string SingleTerm(string word)
    {
        var terms = _analyzer.Terms(word);
        return terms.Length == 1
            ? terms[0]
            : throw new RoutingModelException(_model.SourcePath, $"\"{word}\"", "expected a single word here (use phrases for several words)");
    }

    /// <summary>Off-topic words shorter than this are recognised as written but not corrected towards.</summary>
    private const int OffTopicTypoTargetLength = 7;

    private IEnumerable<string> Vocabulary(RoutingModel model, IEnumerable<TermPattern> redFlagPatterns)
    {
        var texts = model.Entries.SelectMany(e => e.Keywords.Keys.Concat(e.NegatedKeywords.Keys).Concat(e.Phrases.Keys)
                .Concat(e.Combinations.SelectMany(c => c.Terms)))
            .Concat(model.Synonyms.Keys)
            .Concat(model.Synonyms.Values.SelectMany(v => v))
            .Concat(model.Anchors)
            .Concat(model.AmbiguousWords)
            .Concat(model.Entries.SelectMany(e => e.RequiresAny))
            .Concat(model.OffTopic)
            .Concat(model.PainWords);
        return texts.SelectMany(_analyzer.SurfacesOf)
            .Concat(redFlagPatterns.SelectMany(p => p.Words))
            .Where(w => !IsNumber(w));
    }

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T value)
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        list.Add(value);
    }

    private sealed record KeywordHit(int Entry, int Slot, double Weight);

    private sealed record CompiledPhrase(int Entry, int Id, string[] Terms, double Weight);

    private sealed record CompiledCombination(int Entry, string[] Terms, double Weight);

    private sealed record Evidence(bool AmbiguousSeen, bool Corroborated, bool OtherContent, HashSet<int> Covered);
}

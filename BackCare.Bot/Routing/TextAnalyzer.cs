using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BackCare.Bot.Text;

namespace BackCare.Bot.Routing;

/// <summary>
/// Turns a message into <see cref="Token"/>s: normalise (case, accents, curly apostrophes), split into words,
/// sentences and clauses, expand contractions, correct typos against the routing vocabulary, mark denied words,
/// stem, apply synonyms (multi-word ones too), flag stop words and the everyday sense of anchor words.
/// Built once from the model; immutable afterwards, so one instance serves every thread.
/// </summary>
internal sealed partial class TextAnalyzer
{
    private readonly Dictionary<string, string[]> _contractions;
    private readonly HashSet<string> _stopWords;
    private readonly HashSet<string> _negationCues;
    private readonly HashSet<string> _notACueAfter;
    private readonly HashSet<string> _notACueBefore;
    private readonly HashSet<string> _scopeBreakers;
    private readonly HashSet<string> _cuesAfter;
    private readonly HashSet<string> _shortCues;
    private readonly HashSet<string> _lossUnlessFollowedBy;
    private readonly HashSet<string> _listJoiners;
    private readonly HashSet<string> _questionStarts;
    private readonly int _shortWindow;
    private readonly HashSet<string> _notTypos;
    private readonly int _negationWindow;
    private readonly int _negationWindowAfter;
    private readonly Dictionary<string, List<(string[] Stems, string Canonical)>> _synonymsByFirstStem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CompiledSense> _senses = new(StringComparer.Ordinal);
    private readonly TypoSettings _typos;
    private HashSet<string> _knownTerms = new(StringComparer.Ordinal);
    private Dictionary<string, string[]> _surfacesByTerm = new(StringComparer.Ordinal);
    private HashSet<string> _knownSurfaces = new(StringComparer.Ordinal);
    private string[] _knownPrefixes = [];
    private Dictionary<char, string[]> _vocabularyByInitial = [];
    private Dictionary<char, string[]> _shortRedFlagsByInitial = [];

    public TextAnalyzer(RoutingModel model)
    {
        _contractions = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (from, to) in model.Contractions)
        {
            _contractions[NormaliseChars(from).Trim()] = SplitWords(NormaliseChars(to)).ToArray();
        }

        _stopWords = new HashSet<string>(model.StopWords.SelectMany(SurfacesOf), StringComparer.Ordinal);
        _negationCues = new HashSet<string>(model.Negation.Cues.SelectMany(SurfacesOf), StringComparer.Ordinal);
        _notACueAfter = new HashSet<string>(model.Negation.NotACueAfter.SelectMany(SurfacesOf), StringComparer.Ordinal);
        _notACueBefore = new HashSet<string>(model.Negation.NotACueBefore.SelectMany(SurfacesOf), StringComparer.Ordinal);
        _scopeBreakers = new HashSet<string>(model.Negation.ScopeBreakers.SelectMany(SurfacesOf), StringComparer.Ordinal);
        _cuesAfter = new HashSet<string>(model.Negation.CuesAfter.SelectMany(SurfacesOf), StringComparer.Ordinal);
        _shortCues = new HashSet<string>(model.Negation.ShortCues.SelectMany(SurfacesOf), StringComparer.Ordinal);
        _lossUnlessFollowedBy = new HashSet<string>(model.Negation.LossUnlessFollowedBy.SelectMany(SurfacesOf), StringComparer.Ordinal);
        _shortWindow = model.Negation.ShortWindow;
        _listJoiners = new HashSet<string>(model.Negation.ListJoiners.SelectMany(SurfacesOf), StringComparer.Ordinal);
        _questionStarts = new HashSet<string>(model.Negation.QuestionStarts.SelectMany(SurfacesOf), StringComparer.Ordinal);
        _notTypos = new HashSet<string>(model.Typos.NotTypos.SelectMany(SurfacesOf), StringComparer.Ordinal);
        _negationWindow = model.Negation.Window;
        _negationWindowAfter = model.Negation.WindowAfter;
        _typos = model.Typos;

        foreach (var (canonical, variants) in model.Synonyms)
        {
            var canonicalTerm = string.Join(' ', RawStems(canonical));
            foreach (var variant in variants)
            {
                var stems = RawStems(variant);
                if (stems.Length == 0)
                {
                    continue;
                }

                if (!_synonymsByFirstStem.TryGetValue(stems[0], out var list))
                {
                    list = [];
                    _synonymsByFirstStem[stems[0]] = list;
                }

                list.Add((stems, canonicalTerm));
            }
        }

        // Longest variants first, so "foam roller" is taken before "foam".
        foreach (var list in _synonymsByFirstStem.Values)
        {
            list.Sort((a, b) => b.Stems.Length.CompareTo(a.Stems.Length));
        }

        foreach (var sense in model.AnchorSenses)
        {
            _senses[Terms(sense.Word).FirstOrDefault() ?? ""] = new CompiledSense(
                TermSet(sense.AnchorBefore), TermSet(sense.AnchorAfter), TermSet(sense.OtherBefore), TermSet(sense.OtherAfter));
        }
    }

    /// <summary>
    /// Declares the words the routing data knows, so typos can be corrected towards them. Called once, by the
    /// router's constructor, before the analyzer is shared. Wildcard prefixes ("numb" for "numb*") also count as known,
    /// and a long one is itself a word a typo can be corrected to ("acident" → "accident", matching "accident*").
    /// <paramref name="notTargets"/> are known as written but never what a typo is corrected to.
    /// </summary>
    public void SetVocabulary(IEnumerable<string> surfaces, IEnumerable<string> knownPrefixes, IEnumerable<string> redFlagWords, IEnumerable<string> notTargets)
    {
        var excluded = notTargets.ToHashSet(StringComparer.Ordinal);
        var prefixes = knownPrefixes.ToList();
        var words = surfaces.Concat(prefixes.Where(p => p.Length >= _typos.MinLength))
            .Where(w => w.Length > 0 && !_stopWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
        _knownSurfaces = words;
        _knownTerms = words.Select(Term).ToHashSet(StringComparer.Ordinal);
        _surfacesByTerm = words.GroupBy(Term, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _knownPrefixes = prefixes.Where(p => p.Length >= 3).Distinct(StringComparer.Ordinal).ToArray();
        var shortLength = _typos.RedFlagMinLength;
        var shortWords = _typos.RedFlagShortWords.Count > 0 ? _typos.RedFlagShortWords : redFlagWords;
        _shortRedFlagsByInitial = shortLength <= 0 ? [] : shortWords
            .Where(w => w.Length >= shortLength && w.Length < _typos.MinLength && char.IsLetter(w[0]) && !_stopWords.Contains(w))
            .Distinct(StringComparer.Ordinal)
            .GroupBy(w => w[0])
            .ToDictionary(g => g.Key, g => g.OrderBy(w => w, StringComparer.Ordinal).ToArray());
        _vocabularyByInitial = words
            .Where(w => w.Length >= Math.Max(2, _typos.MinLength - _typos.MaxEdits) && char.IsLetter(w[0]) && !excluded.Contains(w))
            .GroupBy(w => w[0])
            .ToDictionary(g => g.Key, g => g.OrderBy(w => w, StringComparer.Ordinal).ToArray());
    }

    public bool IsStopWord(string surface) => _stopWords.Contains(surface);

    /// <summary>Analyses a user's message.</summary>
    public List<Token> Analyze(string text)
    {
        var raw = Tokenize(text);
        var tokens = new List<Token>(raw.Count);
        Dictionary<string, string>? corrections = null;
        var clause = 0;
        var lastSentence = -1;
        var lastClauseMark = -1;
        foreach (var (word, sentence, clauseMark) in raw)
        {
            if (sentence != lastSentence || clauseMark != lastClauseMark)
            {
                clause++;
                lastSentence = sentence;
                lastClauseMark = clauseMark;
            }

            foreach (var expanded in Expand(word))
            {
                if (_scopeBreakers.Contains(expanded))
                {
                    clause++;
                }

                var surface = CorrectTypo(expanded, ref corrections);
                tokens.Add(new Token { Surface = surface, Sentence = sentence, Clause = clause });
            }
        }

        MarkNegations(tokens);
        foreach (var token in tokens)
        {
            token.Term = Term(token.Surface);
            token.IsStopWord = _stopWords.Contains(token.Surface);
        }

        var merged = ApplySynonyms(tokens);
        MarkSenses(merged);
        return merged;
    }

    /// <summary>
    /// The message with misspelt words corrected towards the routing vocabulary ("is foam rolling beter than
    /// streching" → "… better than stretching"), for the semantic layer, whose model reads a misspelling as a
    /// different word. The text itself when nothing needed correcting.
    /// </summary>
    public string CorrectSpelling(string text)
    {
        var raw = Tokenize(text);
        Dictionary<string, string>? corrections = null;
        var builder = new StringBuilder(text.Length);
        var changed = !ReferenceEquals(StripMarkup(text), text);
        var lastSentence = 0;
        foreach (var (word, sentence, _) in raw)
        {
            if (sentence != lastSentence)
            {
                builder.Append('.');
                lastSentence = sentence;
            }

            var corrected = word.Contains('\'') ? word : CorrectTypo(word, ref corrections);
            changed |= !string.Equals(corrected, word, StringComparison.Ordinal);
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(corrected);
        }

        return changed ? builder.ToString() : text;
    }

    /// <summary>A data word's canonical term: stemmed, then mapped through single-word synonyms.</summary>
    public string[] Terms(string text)
    {
        var tokens = SurfacesOf(text)
            .Select(s => new Token { Surface = s, Term = Term(s), Sentence = 0, Clause = 0 })
            .ToList();
        return ApplySynonyms(tokens).Select(t => t.Term).ToArray();
    }

    /// <summary>A data phrase's words as typed (normalised, contractions expanded; no stemming).</summary>
    public string[] SurfacesOf(string text) => SplitWords(NormaliseChars(text)).SelectMany(Expand).ToArray();

    private string[] RawStems(string text) => SurfacesOf(text).Select(Term).ToArray();

    private HashSet<string> TermSet(IEnumerable<string> words) =>
        words.SelectMany(Terms).ToHashSet(StringComparer.Ordinal);

    private static string Term(string surface) => PorterStemmer.Stem(surface);

    private IEnumerable<string> Expand(string word)
    {
        if (_contractions.TryGetValue(word, out var expansion))
        {
            return expansion;
        }

        var apostrophe = word.IndexOf('\'');
        if (apostrophe < 0)
        {
            return [word];
        }

        // General English patterns: "doesn't" → "does not"; "child's" → "child"; "you're" → "you".
        if (word.EndsWith("n't", StringComparison.Ordinal) && word.Length > 3)
        {
            return [word[..^3], "not"];
        }

        foreach (var suffix in (string[])["'s", "'re", "'ve", "'ll", "'d", "'m", "'"])
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length > suffix.Length)
            {
                return [word[..^suffix.Length].Replace("'", "", StringComparison.Ordinal)];
            }
        }

        return [word.Replace("'", "", StringComparison.Ordinal)];
    }

    private string CorrectTypo(string surface, ref Dictionary<string, string>? corrections)
    {
        if (surface.Length < _typos.MinLength)
        {
            return CorrectShortRedFlag(surface);
        }

        if (!char.IsLetter(surface[0]) || _stopWords.Contains(surface) || _notTypos.Contains(surface) || _knownSurfaces.Contains(surface))
        {
            return surface;
        }

        if (_surfacesByTerm.TryGetValue(Term(surface), out var sameStem))
        {
            return SameStemSpelling(surface, sameStem);
        }

        foreach (var prefix in _knownPrefixes)
        {
            if (surface.StartsWith(prefix, StringComparison.Ordinal))
            {
                return surface;
            }
        }

        corrections ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (corrections.TryGetValue(surface, out var known))
        {
            return known;
        }

        // Only words with the same first letter: typos rarely hit it, and it keeps "track" from becoming "crack".
        var best = surface;
        var maxEdits = surface.Length >= _typos.LongWordLength ? _typos.MaxEditsLong : _typos.MaxEdits;
        var bestDistance = maxEdits + 1;
        if (_vocabularyByInitial.TryGetValue(surface[0], out var candidates))
        {
            foreach (var candidate in candidates)
            {
                var distance = EditDistance.Bounded(surface, candidate, Math.Min(maxEdits, bestDistance - 1));
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = candidate;
                    if (distance == 1)
                    {
                        break;
                    }
                }
            }
        }

        corrections[surface] = best;
        return best;
    }

    /// <summary>
    /// A word whose stem the data knows, though not the word as typed. Its own form ("trips", "checks", "provides")
    /// stays as typed; a misspelling ("controle", "controll", "bowles") becomes the nearest known spelling of that
    /// stem ("control", "bowls"), since red-flag terms and negation read words as typed.
    /// </summary>
    private string SameStemSpelling(string surface, string[] sameStem)
    {
        if (sameStem.Any(known => Inflection.AreFormsOfOneWord(surface, known)))
        {
            return surface;
        }

        var maxEdits = surface.Length >= _typos.LongWordLength ? _typos.MaxEditsLong : _typos.MaxEdits;
        return sameStem
            .Select(known => (Word: known, Distance: EditDistance.Bounded(surface, known, maxEdits)))
            .Where(c => c.Distance <= maxEdits)
            .OrderBy(c => c.Distance).ThenBy(c => c.Word, StringComparer.Ordinal)
            .Select(c => c.Word)
            .FirstOrDefault() ?? surface;
    }

    /// <summary>"legz" → "legs", "numm" → "numb": one edit, same first letter and length, red-flag words only.</summary>
    private string CorrectShortRedFlag(string surface)
    {
        if (surface.Length == 0 || !_shortRedFlagsByInitial.TryGetValue(surface[0], out var candidates)
            || _knownSurfaces.Contains(surface) || _stopWords.Contains(surface) || _notTypos.Contains(surface))
        {
            return surface;
        }

        foreach (var candidate in candidates)
        {
            if (candidate.Length == surface.Length && EditDistance.Bounded(surface, candidate, 1) == 1)
            {
                return candidate;
            }
        }

        return surface;
    }

    private void MarkNegations(List<Token> tokens)
    {
        MarkDenialsAfter(tokens);
        var lastCue = -1;
        var lastCueClause = -1;
        var lastCueWindow = _negationWindow;
        var scopeFrom = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (lastCue >= 0 && lastCueClause == token.Clause && i - scopeFrom <= lastCueWindow && !token.IsNegated)
            {
                token.IsNegated = true;
                token.NegatedBy = tokens[lastCue].Surface;
                token.NegatedFrom = lastCue;

                // "no accident or fall", "not numb or weak": the denial carries on through the list, from its cue.
                if (_listJoiners.Contains(token.Surface))
                {
                    scopeFrom = i;
                }
            }

            var namesALoss = i + 1 < tokens.Count && _notACueBefore.Contains(tokens[i + 1].Surface)
                && !(tokens[i + 1].Surface.StartsWith("feel", StringComparison.Ordinal) && i + 2 < tokens.Count && _lossUnlessFollowedBy.Contains(tokens[i + 2].Surface));
            var isCue = _negationCues.Contains(token.Surface)
                && !(i > 0 && _notACueAfter.Contains(tokens[i - 1].Surface))
                && !namesALoss;
            if (isCue)
            {
                lastCue = i;
                scopeFrom = i;
                lastCueClause = token.Clause;
                lastCueWindow = _shortCues.Contains(token.Surface) ? _shortWindow : _negationWindow;
            }
        }
    }

    /// <summary>"bladder's fine", "legs are ok": a word shortly before such a cue, in its clause, is denied.</summary>
    private void MarkDenialsAfter(List<Token> tokens)
    {
        if (_cuesAfter.Count == 0)
        {
            return;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_cuesAfter.Contains(tokens[i].Surface) || OpensWithQuestion(tokens, i))
            {
                continue;
            }

            // "is that ok?" asks rather than denies, and "not fine" affirms: neither denies the words before it.
            var first = i;
            for (var j = i - 1; j >= 0 && i - j <= _negationWindowAfter && tokens[j].Clause == tokens[i].Clause; j--)
            {
                if (_negationCues.Contains(tokens[j].Surface))
                {
                    first = i;
                    break;
                }

                if (tokens[j].Surface is "that" or "it" or "this" or "thats" && j == i - 1)
                {
                    break;
                }

                first = j;
            }

            for (var j = first; j < i; j++)
            {
                tokens[j].IsNegated = true;
                tokens[j].NegatedBy = tokens[i].Surface;
            }
        }
    }

    /// <summary>Whether the clause of word <paramref name="at"/> opens with a question word ("is cracking my back ok?").</summary>
    private bool OpensWithQuestion(List<Token> tokens, int at)
    {
        var first = at;
        while (first > 0 && tokens[first - 1].Clause == tokens[at].Clause)
        {
            first--;
        }

        return _questionStarts.Contains(tokens[first].Surface);
    }

    private List<Token> ApplySynonyms(List<Token> tokens)
    {
        var result = new List<Token>(tokens.Count);
        var i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            var taken = 1;
            if (_synonymsByFirstStem.TryGetValue(token.Term, out var variants))
            {
                foreach (var (stems, canonical) in variants)
                {
                    if (Matches(tokens, i, stems))
                    {
                        token.Term = canonical;
                        if (stems.Length > 1)
                        {
                            token.IsStopWord = false;
                            token.IsFromPhrase = true;
                        }
                        taken = stems.Length;
                        break;
                    }
                }
            }

            result.Add(token);
            i += taken;
        }

        return result;
    }

    private static bool Matches(List<Token> tokens, int start, string[] stems)
    {
        if (start + stems.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < stems.Length; k++)
        {
            var token = tokens[start + k];
            if (token.Term != stems[k] || token.Sentence != tokens[start].Sentence)
            {
                return false;
            }
        }

        return true;
    }

    private void MarkSenses(List<Token> tokens)
    {
        if (_senses.Count == 0)
        {
            return;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_senses.TryGetValue(tokens[i].Term, out var sense))
            {
                continue;
            }

            var before = i > 0 && tokens[i - 1].Sentence == tokens[i].Sentence ? tokens[i - 1].Term : null;
            var after = i + 1 < tokens.Count && tokens[i + 1].Sentence == tokens[i].Sentence ? tokens[i + 1].Term : null;
            var body = (before is not null && sense.AnchorBefore.Contains(before)) || (after is not null && sense.AnchorAfter.Contains(after));
            var other = (before is not null && sense.OtherBefore.Contains(before)) || (after is not null && sense.OtherAfter.Contains(after));
            tokens[i].IsOtherSense = !body && other;
        }
    }

    /// <summary>
    /// The text without Teams mention markup ("&lt;at&gt;BackCare&lt;/at&gt; is it safe?"): a name mentioned is not
    /// part of the question, and the tags would open the sentence. Other tags lose their brackets only.
    /// </summary>
    internal static string StripMarkup(string text) =>
        text.Contains('<', StringComparison.Ordinal)
            ? TagPattern().Replace(MentionPattern().Replace(text, " "), " ")
            : text;

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex MentionPattern();

    [GeneratedRegex("</?[a-zA-Z][^<>]{0,200}>")]
    private static partial Regex TagPattern();

    /// <summary>Lower case, accents stripped, typographic apostrophes made plain.</summary>
    internal static string NormaliseChars(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u02BC' or '`' or '\u00B4' => '\'',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString();
    }

    private static IEnumerable<string> SplitWords(string normalised) => Tokenize(normalised).Select(t => t.Word);

    /// <summary>
    /// Words with their sentence number and clause mark. Sentences end at . ! ? ; and line breaks; clauses also
    /// at commas, colons, brackets and dashes. A hyphen inside a word splits it quietly ("knee-to-chest").
    /// </summary>
    internal static List<(string Word, int Sentence, int ClauseMark)> Tokenize(string text)
    {
        var normalised = NormaliseChars(StripMarkup(text));
        var words = new List<(string, int, int)>();
        var sentence = 0;
        var clauseMark = 0;
        var start = -1;
        for (var i = 0; i <= normalised.Length; i++)
        {
            var c = i < normalised.Length ? normalised[i] : ' ';
            var inWord = char.IsLetterOrDigit(c)
                || (c == '\'' && start >= 0 && i + 1 < normalised.Length && char.IsLetter(normalised[i + 1]))
                || (c == '\'' && start >= 0 && normalised[i - 1] == 's');
            if (inWord)
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                words.Add((normalised[start..i], sentence, clauseMark));
                start = -1;
            }

            switch (c)
            {
                case '.' or '!' or '?' or ';' or '\n' or '\r':
                    if (words.Count > 0 && words[^1].Item2 == sentence)
                    {
                        sentence++;
                    }

                    break;
                case ',' or ':' or '(' or ')' or '\u2014' or '\u2013' or '"' or '/':
                    clauseMark++;
                    break;
            }
        }

        return words;
    }

    private sealed record CompiledSense(
        HashSet<string> AnchorBefore, HashSet<string> AnchorAfter, HashSet<string> OtherBefore, HashSet<string> OtherAfter);
}

using System.Text.Json;

namespace BackCare.Bot.Routing;

/// <summary>
/// Reads routing.json and checks it before the bot starts: a typo in a field name, an unknown or missing routing
/// id, an empty keyword, a weight out of range or thresholds in the wrong order stop the start-up with an
/// exception naming the file and the field, rather than silently routing people to the wrong answer.
/// </summary>
public static class RoutingModelLoader
{
    /// <summary>The largest weight one keyword, phrase or combination may carry.</summary>
    public const double MaxWeight = 10;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        AllowDuplicateProperties = false,
    };

    public static RoutingModel Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RoutingModelException(path, "(file)", "cannot be read: " + e.Message, e);
        }

        return Parse(json, path);
    }

    /// <summary>Parses and validates routing data; <paramref name="path"/> is only used to name the file in errors.</summary>
    public static RoutingModel Parse(string json, string path)
    {
        RoutingModel? model;
        try
        {
            model = JsonSerializer.Deserialize<RoutingModel>(json, Options);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "(root)" : e.Path.TrimStart('$', '.');
            throw new RoutingModelException(path, field, $"{e.Message}", e);
        }

        if (model is null)
        {
            throw new RoutingModelException(path, "(root)", "the file holds no routing data");
        }

        model = model with { SourcePath = path };

        new Validator(path).Validate(model);
        return model;
    }

    private sealed class Validator(string path)
    {
        public void Validate(RoutingModel model)
        {
            ValidateSettings(model);
            ValidateWordLists(model);
            var answers = model.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            ValidateUrgent(model.Urgent, "urgent", SafetyLevels.Urgent, levelRequired: false, answers);
            if (model.SeeDoctorFirst is { } seeDoctor)
            {
                ValidateUrgent(seeDoctor, "seeDoctorFirst", SafetyLevels.SeeDoctor, levelRequired: true, answers);
            }

            ValidateEntries(model);

            // Checks that need the text pipeline: every keyword must survive normalisation as one word that is not a stop word.
            var analyzer = new TextAnalyzer(model);
            for (var e = 0; e < model.Entries.Count; e++)
            {
                var entry = model.Entries[e];
                var prefix = EntryField(e, entry);
                foreach (var (word, map) in entry.Keywords.Keys.Select(k => (k, "keywords")).Concat(entry.NegatedKeywords.Keys.Select(k => (k, "negatedKeywords"))))
                {
                    var surfaces = analyzer.SurfacesOf(word);
                    var field = $"{prefix}.{map}[\"{word}\"]";
                    if (surfaces.Length != 1)
                    {
                        Fail(field, "a keyword must be exactly one word (put several words in \"phrases\")");
                    }

                    if (analyzer.IsStopWord(surfaces[0]))
                    {
                        Fail(field, $"\"{surfaces[0]}\" is a stop word, so it can never match; use it in a phrase instead");
                    }
                }

                foreach (var phrase in entry.Phrases.Keys)
                {
                    if (analyzer.Terms(phrase).Length < 2)
                    {
                        Fail($"{prefix}.phrases[\"{phrase}\"]", "a phrase needs at least two words (a single word belongs in \"keywords\")");
                    }
                }

                foreach (var word in entry.RequiresAny)
                {
                    if (analyzer.Terms(word).Length != 1)
                    {
                        Fail($"{prefix}.requiresAny[\"{word}\"]", "each word must be exactly one word");
                    }
                }

                for (var c = 0; c < entry.Combinations.Count; c++)
                {
                    foreach (var term in entry.Combinations[c].Terms)
                    {
                        if (analyzer.Terms(term).Length != 1)
                        {
                            Fail($"{prefix}.combinations[{c}].terms[\"{term}\"]", "each term must be exactly one word");
                        }
                    }
                }
            }

            foreach (var (name, list) in new[] { ("anchors", model.Anchors), ("ambiguousWords", model.AmbiguousWords) })
            {
                foreach (var word in list)
                {
                    if (analyzer.Terms(word).Length != 1)
                    {
                        Fail($"{name}[\"{word}\"]", "must be exactly one word");
                    }
                }
            }
        }

        private void ValidateSettings(RoutingModel model)
        {
            var t = model.Thresholds;
            Range("thresholds.answer", t.Answer, 0, 1);
            Range("thresholds.clarify", t.Clarify, 0, 1);
            if (t.Clarify >= t.Answer)
            {
                Fail("thresholds", $"clarify ({t.Clarify}) must be below answer ({t.Answer}): between them the bot asks \"did you mean\"");
            }

            var s = model.Scoring;
            if (!(s.Saturation > 0) || !double.IsFinite(s.Saturation))
            {
                Fail("scoring.saturation", $"must be a positive number (was {s.Saturation})");
            }

            Range("scoring.negatedKeywordFactor", s.NegatedKeywordFactor, 0, 1, inclusive: true);
            Range("scoring.clarifyShare", s.ClarifyShare, 0, 1, inclusive: true);
            if (s.MaxAlternatives is < 2 or > 5)
            {
                Fail("scoring.maxAlternatives", $"must be 2 to 5 (was {s.MaxAlternatives})");
            }

            if (s.PhraseGap is < 0 or > 5)
            {
                Fail("scoring.phraseGap", $"must be 0 to 5 (was {s.PhraseGap})");
            }

            var typos = model.Typos;
            if (typos.MinLength < 3)
            {
                Fail("typos.minLength", $"must be at least 3 (was {typos.MinLength})");
            }

            if (typos.MaxEdits is < 0 or > 2)
            {
                Fail("typos.maxEdits", $"must be 0 to 2 (was {typos.MaxEdits})");
            }

            if (typos.LongWordLength < typos.MinLength)
            {
                Fail("typos.longWordLength", "must not be below typos.minLength");
            }

            if (typos.MaxEditsLong < typos.MaxEdits || typos.MaxEditsLong > 3)
            {
                Fail("typos.maxEditsLong", $"must be from typos.maxEdits to 3 (was {typos.MaxEditsLong})");
            }

            if (typos.RedFlagMinLength != 0 && (typos.RedFlagMinLength < 3 || typos.RedFlagMinLength > typos.MinLength))
            {
                Fail("typos.redFlagMinLength", $"must be 0, or from 3 to typos.minLength (was {typos.RedFlagMinLength})");
            }

            var negation = model.Negation;
            NonEmptyWords("negation.cues", negation.Cues, requireAny: true);
            NonEmptyWords("negation.notACueAfter", negation.NotACueAfter, requireAny: false);
            NonEmptyWords("negation.scopeBreakers", negation.ScopeBreakers, requireAny: false);
            NonEmptyWords("negation.cuesAfter", negation.CuesAfter, requireAny: false);
            NonEmptyWords("negation.listJoiners", negation.ListJoiners, requireAny: false);
            NonEmptyWords("negation.questionStarts", negation.QuestionStarts, requireAny: false);
            if (negation.WindowAfter is < 1 or > 6)
            {
                Fail("negation.windowAfter", $"must be 1 to 6 (was {negation.WindowAfter})");
            }

            if (negation.Window is < 1 or > 10)
            {
                Fail("negation.window", $"must be 1 to 10 (was {negation.Window})");
            }

            foreach (var (from, to) in model.Contractions)
            {
                if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to))
                {
                    Fail($"contractions[\"{from}\"]", "neither side may be empty");
                }
            }
        }

        private void ValidateWordLists(RoutingModel model)
        {
            NonEmptyWords("stopWords", model.StopWords, requireAny: true);
            NonEmptyWords("anchors", model.Anchors, requireAny: true);
            NonEmptyWords("ambiguousWords", model.AmbiguousWords, requireAny: true);
            NonEmptyWords("offTopic", model.OffTopic, requireAny: true);
            NonEmptyWords("animals", model.Animals, requireAny: false);

            var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (canonical, variants) in model.Synonyms)
            {
                var field = $"synonyms[\"{canonical}\"]";
                if (string.IsNullOrWhiteSpace(canonical) || canonical.Trim().Contains(' '))
                {
                    Fail(field, "the canonical word must be one non-empty word");
                }

                if (variants.Count == 0)
                {
                    Fail(field, "lists no synonyms");
                }

                foreach (var variant in variants)
                {
                    if (string.IsNullOrWhiteSpace(variant))
                    {
                        Fail(field, "contains an empty synonym");
                    }

                    var key = variant.Trim();
                    if (owner.TryGetValue(key, out var other) && other != canonical)
                    {
                        Fail($"{field}[\"{variant}\"]", $"is already a synonym of \"{other}\"");
                    }

                    owner[key] = canonical;
                }
            }

            for (var i = 0; i < model.AnchorSenses.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(model.AnchorSenses[i].Word))
                {
                    Fail($"anchorSenses[{i}].word", "is empty");
                }
            }
        }

        private void ValidateUrgent(UrgentSettings urgent, string block, IReadOnlyList<string> levels, bool levelRequired, IReadOnlySet<string> answers)
        {
            if (string.IsNullOrWhiteSpace(urgent.Title))
            {
                Fail($"{block}.title", "is empty");
            }

            if (urgent.Window is < 1 or > 50)
            {
                Fail($"{block}.window", $"must be 1 to 50 (was {urgent.Window})");
            }

            if (urgent.Rules.Count == 0)
            {
                Fail($"{block}.rules", "no red-flag rules: the bot could never recognise an emergency");
            }

            NonEmptyTerms($"{block}.negationExempt", urgent.NegationExempt);
            NonEmptyTerms($"{block}.negationExemptAfter", urgent.NegationExemptAfter);
            NonEmptyTerms($"{block}.otherPeople", urgent.OtherPeople);
            NonEmptyTerms($"{block}.self", urgent.Self);
            NonEmptyTerms($"{block}.objectMarkers", urgent.ObjectMarkers);
            NonEmptyTerms($"{block}.notABody", urgent.NotABody);
            for (var r = 0; r < urgent.Rules.Count; r++)
            {
                var rule = urgent.Rules[r];
                var field = $"{block}.rules[{r}]";
                if (string.IsNullOrWhiteSpace(rule.Name))
                {
                    Fail($"{field}.name", "is empty");
                }

                if (rule.Groups.Count == 0)
                {
                    Fail($"{field}.groups", "is empty");
                }

                for (var g = 0; g < rule.Groups.Count; g++)
                {
                    if (rule.Groups[g].Count == 0)
                    {
                        Fail($"{field}.groups[{g}]", "is empty");
                    }

                    NonEmptyTerms($"{field}.groups[{g}]", rule.Groups[g]);
                }

                NonEmptyTerms($"{field}.except", rule.Except);
                NonEmptyTerms($"{field}.vetoes", rule.Vetoes);
                NonEmptyTerms($"{field}.vetoesAnywhere", rule.VetoesAnywhere);
                if (rule.Window is < 1 or > 50)
                {
                    Fail($"{field}.window", $"must be 1 to 50 (was {rule.Window})");
                }

                // The level decides what the user is told and how soon; a rule without one would be a guess.
                var level = rule.Level ?? (levelRequired ? null : SafetyLevels.Emergency);
                if (level is null || !levels.Contains(level))
                {
                    Fail($"{block}.rules[{r}].level", $"must be one of {string.Join(", ", levels)} (was {rule.Level ?? "missing"})");
                }

                if (level != SafetyLevels.Emergency && string.IsNullOrWhiteSpace(rule.Advice))
                {
                    Fail($"{block}.rules[{r}].advice", "names no advice: the user would not be told how soon to get help");
                }

                if (rule.Ask && level != SafetyLevels.Emergency)
                {
                    Fail($"{block}.rules[{r}].ask", "only an emergency rule may ask its safety question");
                }
                // An emergency is answered with the emergency advice only; a see-a-doctor sign may name a closer answer.
                if (rule.Answer is not null && !levelRequired)
                {
                    Fail($"{block}.rules[{r}].answer", "only a see-a-doctor sign may name its own answer");
                }

                if (rule.Answer is not null && !answers.Contains(rule.Answer))
                {
                    Fail($"{block}.rules[{r}].answer", $"\"{rule.Answer}\" is not the id of an entry");
                }
            }
        }

        private void ValidateEntries(RoutingModel model)
        {
            var known = RoutingIds.Knowledge.ToHashSet(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var e = 0; e < model.Entries.Count; e++)
            {
                var entry = model.Entries[e];
                var prefix = EntryField(e, entry);
                if (string.IsNullOrWhiteSpace(entry.Id))
                {
                    Fail($"entries[{e}].id", "is empty");
                }

                if (!known.Contains(entry.Id))
                {
                    Fail($"{prefix}.id", $"\"{entry.Id}\" is not a routing id (see docs/routing.md; \"urgent\" has its own section; \"none\" needs no entry)");
                }

                if (!seen.Add(entry.Id))
                {
                    Fail($"{prefix}.id", $"\"{entry.Id}\" has two entries");
                }

                if (string.IsNullOrWhiteSpace(entry.Title))
                {
                    Fail($"{prefix}.title", "is empty: it is the button text of \"did you mean\"");
                }

                if (entry.Keywords.Count == 0 && entry.Phrases.Count == 0)
                {
                    Fail(prefix, "has no keywords and no phrases, so it could never be chosen");
                }

                NonEmptyWords($"{prefix}.requiresAny", entry.RequiresAny, requireAny: false);
                Weights($"{prefix}.keywords", entry.Keywords);
                Weights($"{prefix}.negatedKeywords", entry.NegatedKeywords);
                Weights($"{prefix}.phrases", entry.Phrases);
                for (var c = 0; c < entry.Combinations.Count; c++)
                {
                    var combination = entry.Combinations[c];
                    var field = $"{prefix}.combinations[{c}]";
                    if (combination.Terms.Count < 2)
                    {
                        Fail($"{field}.terms", "a combination needs at least two words");
                    }

                    NonEmptyWords($"{field}.terms", combination.Terms, requireAny: true);
                    Weight($"{field}.weight", combination.Weight);
                }
            }

            var missing = known.Where(id => !seen.Contains(id)).ToList();
            if (missing.Count > 0)
            {
                Fail("entries", $"no entry for {string.Join(", ", missing)}: those answers could never be reached");
            }
        }

        private void Weights(string field, IReadOnlyDictionary<string, double> weights)
        {
            foreach (var (word, weight) in weights)
            {
                if (string.IsNullOrWhiteSpace(word))
                {
                    Fail($"{field}[\"{word}\"]", "is empty");
                }

                Weight($"{field}[\"{word}\"]", weight);
            }
        }

        private void Weight(string field, double weight)
        {
            if (!double.IsFinite(weight) || weight <= 0 || weight > MaxWeight)
            {
                Fail(field, $"weight must be above 0 and at most {MaxWeight} (was {weight})");
            }
        }

        private void Range(string field, double value, double low, double high, bool inclusive = false)
        {
            var ok = double.IsFinite(value) && (inclusive ? value >= low && value <= high : value > low && value < high);
            if (!ok)
            {
                Fail(field, $"must be {(inclusive ? "from" : "strictly between")} {low} {(inclusive ? "to" : "and")} {high} (was {value})");
            }
        }

        private void NonEmptyWords(string field, IReadOnlyList<string> words, bool requireAny)
        {
            if (requireAny && words.Count == 0)
            {
                Fail(field, "is empty");
            }

            for (var i = 0; i < words.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(words[i]))
                {
                    Fail($"{field}[{i}]", "is empty");
                }
            }
        }

        private void NonEmptyTerms(string field, IReadOnlyList<string> terms)
        {
            for (var i = 0; i < terms.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(terms[i]) || terms[i].Trim('*', ' ').Length == 0)
                {
                    Fail($"{field}[{i}]", "is empty");
                }
            }
        }

        private static string EntryField(int index, RoutingEntry entry) => $"entries[{index}] ({entry.Id})";

        private void Fail(string field, string problem) => throw new RoutingModelException(path, field, problem);
    }
}

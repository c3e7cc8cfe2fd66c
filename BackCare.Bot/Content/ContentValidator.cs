using System.Globalization;
using System.Text.Json;

namespace BackCare.Bot.Content;

/// <summary>
/// The checks neither the JSON serializer nor a file's schema (<see cref="ContentSchemas"/>) can make: text present and chat-sized, ids unique and exactly
/// DESIGN's routing ids, references (related ids, excluded tags) pointing at something real, hold
/// times that make sense, screening questions in the order that keeps people safe, and message
/// format strings with the placeholders the code fills, and only known local help tokens
/// (<see cref="LocalHelpTokens"/>), whose every locale's values are filled in before a length is measured. Collects every problem rather than stopping
/// at the first, so one run of the bot shows an editor everything to fix.
/// </summary>
internal sealed class ContentValidator(List<ContentError> errors)
{
    /// <summary>Characters Teams' markdown would turn into formatting or links; the texts are meant to render as written.</summary>
    private static readonly char[] MarkupCharacters = ['*', '_', '`', '<', '>', '#', '~', '[', ']'];

    /// <summary>Messages used as button captions, which must be short and told apart by the text a click sends back.</summary>
    private static readonly HashSet<string> ButtonMessages = new(StringComparer.Ordinal)
    {
        nameof(BotMessages.MenuTechniques), nameof(BotMessages.MenuQuestion), nameof(BotMessages.MenuTips),
        nameof(BotMessages.ClarifyNeither), nameof(BotMessages.FeltBetter), nameof(BotMessages.FeltSame),
        nameof(BotMessages.FeltWorse), nameof(BotMessages.TellMeMore), nameof(BotMessages.ReminderDoneButton),
        nameof(BotMessages.ReminderSnoozeButton), nameof(BotMessages.ReminderStopButton),
    };

    /// <summary>Each token's longest value over every locale: a text must fit its limit whichever the user gets.</summary>
    private readonly Dictionary<string, string> _longestLocalHelp = new(StringComparer.Ordinal);

    public void Validate(
        IReadOnlyList<Technique> techniques,
        IReadOnlyList<Answer> answers,
        IReadOnlyList<Tip> tips,
        ScreeningScript screening,
        BotMessages messages,
        LocalHelpFile localHelp)
    {
        ValidateLocalHelp(localHelp);
        ValidateTechniques(techniques);
        ValidateTips(tips);

        var routingIds = new HashSet<string>(StringComparer.Ordinal);
        routingIds.UnionWith(techniques.Select(t => t.RoutingId));
        routingIds.UnionWith(answers.Select(a => a.Id));
        routingIds.UnionWith(tips.Select(t => t.Id));
        ValidateAnswers(answers, routingIds);

        var tags = techniques.SelectMany(t => t.Tags).ToHashSet(StringComparer.Ordinal);
        ValidateScreening(screening, techniques, tags);
        ValidateMessages(messages, tags);
    }

    private void ValidateLocalHelp(LocalHelpFile localHelp)
    {
        const string file = ContentLoader.LocalHelpFile;
        var entries = new List<(LocalHelp Help, string Path)> { (localHelp.Default, "$.default") };
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (locale, help) in localHelp.Locales)
        {
            // The schema has checked each name's form (a language and a country).
            var path = $"$.locales.{locale}";
            if (!seen.TryAdd(locale, path))
            {
                // Locales are matched without regard to case, so "en-gb" and "en-GB" would be the same one twice.
                Add(file, path, $"repeats the locale {seen[locale]} (locales are matched without regard to case)");
            }

            entries.Add((help, path));
        }

        foreach (var (help, path) in entries)
        {
            foreach (var name in LocalHelpTokens.Names)
            {
                var value = help.ValueOf(name);
                if (!Text(file, $"{path}.{name}", value, ContentLimits.ShortText))
                {
                    continue;
                }

                if (LocalHelpTokens.HasAny(value))
                {
                    Add(file, $"{path}.{name}", "contains a local help token; a value is shown as written");
                }

                if (!_longestLocalHelp.TryGetValue(name, out var longest) || value!.Length > longest.Length)
                {
                    _longestLocalHelp[name] = value!;
                }
            }
        }
    }

    private void ValidateTechniques(IReadOnlyList<Technique> techniques)
    {
        const string file = ContentLoader.TechniquesFile;
        var ids = new List<(string? Id, string Path)>();
        var names = new List<(string? Text, string Path)>();
        for (var i = 0; i < techniques.Count; i++)
        {
            var path = $"$.techniques[{i}]";
            var technique = techniques[i];
            Text(file, path + ".id", technique.Id, ContentLimits.Label, label: true);
            ids.Add((technique.Id, path + ".id"));
            names.Add((technique.Name, path + ".name"));
            Text(file, path + ".name", technique.Name, ContentLimits.Label, label: true);
            Text(file, path + ".summary", technique.Summary, ContentLimits.ShortText);
            Text(file, path + ".whereAndWhen", technique.WhereAndWhen, ContentLimits.ShortText);
            TextList(file, path + ".equipment", technique.Equipment, ContentLimits.ShortText);
            ValidateSteps(file, path, technique.Steps);
            TextList(file, path + ".cautions", technique.Cautions, ContentLimits.ShortText);
            TextList(file, path + ".tags", technique.Tags, ContentLimits.Label, label: true);
        }

        RequireExactIds(file, "$.techniques", ids, KnowledgeIds.Techniques, "technique");
        RequireDistinct(file, names, "technique name");
    }

    /// <summary>The schema has checked that there are steps and each hold's range; a minimum above the maximum it cannot see.</summary>
    private void ValidateSteps(string file, string techniquePath, IReadOnlyList<TechniqueStep> steps)
    {
        for (var j = 0; j < steps.Count; j++)
        {
            var path = $"{techniquePath}.steps[{j}]";
            var step = steps[j];
            Text(file, path + ".title", step.Title, ContentLimits.Label, label: true);
            Text(file, path + ".text", step.Text, ContentLimits.ChatText);
            if (step.Hold is { } hold)
            {
                if (hold.MinSeconds > hold.MaxSeconds)
                {
                    Add(file, path + ".hold", $"minSeconds ({hold.MinSeconds}) is more than maxSeconds ({hold.MaxSeconds})");
                }
            }
        }
    }

    private void ValidateAnswers(IReadOnlyList<Answer> answers, HashSet<string> routingIds)
    {
        const string file = ContentLoader.AnswersFile;
        var ids = new List<(string? Id, string Path)>();
        var titles = new List<(string? Text, string Path)>();
        for (var i = 0; i < answers.Count; i++)
        {
            var path = $"$.answers[{i}]";
            var answer = answers[i];
            Text(file, path + ".id", answer.Id, ContentLimits.Label, label: true);
            ids.Add((answer.Id, path + ".id"));
            titles.Add((answer.Question, path + ".question"));
            Text(file, path + ".question", answer.Question, ContentLimits.Label, label: true);
            Text(file, path + ".text", answer.Text, ContentLimits.ChatText, overflowsToMore: true);
            if (answer.More is not null)
            {
                Text(file, path + ".more", answer.More, ContentLimits.MoreText);
            }

            for (var k = 0; k < answer.Related.Count; k++)
            {
                var relatedPath = $"{path}.related[{k}]";
                var related = answer.Related[k];
                if (!Text(file, relatedPath, related, ContentLimits.Label, label: true))
                {
                    continue;
                }

                if (!routingIds.Contains(related))
                {
                    Add(file, relatedPath, $"\"{related}\" is not the routing id of any answer, tip or technique (e.g. \"faq:how-often\", \"tip:posture\", \"technique:childs-pose\")");
                }
                else if (string.Equals(related, answer.Id, StringComparison.Ordinal))
                {
                    Add(file, relatedPath, $"\"{related}\" points at the answer itself");
                }
            }
        }

        RequireExactIds(file, "$.answers", ids, [.. KnowledgeIds.Faqs, .. KnowledgeIds.Topics], "FAQ or topic");
        RequireDistinct(file, titles, "question title (the \"did you mean\" buttons show it)");
    }

    private void ValidateTips(IReadOnlyList<Tip> tips)
    {
        const string file = ContentLoader.TipsFile;
        var ids = new List<(string? Id, string Path)>();
        var titles = new List<(string? Text, string Path)>();
        for (var i = 0; i < tips.Count; i++)
        {
            var path = $"$.tips[{i}]";
            var tip = tips[i];
            Text(file, path + ".id", tip.Id, ContentLimits.Label, label: true);
            ids.Add((tip.Id, path + ".id"));
            titles.Add((tip.Title, path + ".title"));
            Text(file, path + ".title", tip.Title, ContentLimits.Label, label: true);
            Text(file, path + ".summary", tip.Summary, ContentLimits.ShortText, overflowsToMore: true);
            Text(file, path + ".more", tip.More, ContentLimits.MoreText);
        }

        RequireExactIds(file, "$.tips", ids, KnowledgeIds.Tips, "tip");
        RequireDistinct(file, titles, "tip title");
    }

    private void ValidateScreening(ScreeningScript screening, IReadOnlyList<Technique> techniques, HashSet<string> techniqueTags)
    {
        const string file = ContentLoader.ScreeningFile;
        Text(file, "$.introduction", screening.Introduction, ContentLimits.ChatText);

        var questions = ValidateQuestions(file, screening.Questions, techniqueTags);
        ValidateChecks(file, screening, questions);
        ValidateAdaptations(techniques, questions);

        Text(file, "$.duration.text", screening.Duration.Text, ContentLimits.ShortText);
        Text(file, "$.duration.retryText", screening.Duration.RetryText, ContentLimits.ShortText);
        Text(file, "$.duration.longStandingAdvice", screening.Duration.LongStandingAdvice, ContentLimits.ShortText);

        ValidateDurationVocabulary(file, screening.Duration.Vocabulary);

        Text(file, "$.outcomes.emergency", screening.Outcomes.Emergency, ContentLimits.ChatText);
        Text(file, "$.outcomes.sameDay", screening.Outcomes.SameDay, ContentLimits.ChatText);
        Text(file, "$.outcomes.seeDoctorFirst", screening.Outcomes.SeeDoctorFirst, ContentLimits.ChatText);
        if (Text(file, "$.outcomes.soon", screening.Outcomes.Soon, ContentLimits.ChatText))
        {
            CheckPlaceholders(file, "$.outcomes.soon", screening.Outcomes.Soon, ["the reasons for a check-up"]);
        }

        Text(file, "$.outcomes.cautions", screening.Outcomes.Cautions, ContentLimits.ChatText);
        Text(file, "$.outcomes.clear", screening.Outcomes.Clear, ContentLimits.ChatText);
    }

    /// <summary>Checks each follow-up question; returns them by id.</summary>
    private Dictionary<string, (ScreeningQuestion Question, string Path)> ValidateQuestions(string file, IReadOnlyList<ScreeningQuestion> questions, HashSet<string> techniqueTags)
    {
        var byId = new Dictionary<string, (ScreeningQuestion, string)>(StringComparer.Ordinal);
        for (var i = 0; i < questions.Count; i++)
        {
            var path = $"$.questions[{i}]";
            var question = questions[i];
            if (Text(file, path + ".id", question.Id, ContentLimits.Label, label: true) && !byId.TryAdd(question.Id, (question, path)))
            {
                Add(file, path + ".id", $"duplicate id \"{question.Id}\": {byId[question.Id].Item2} already uses it");
            }

            Text(file, path + ".text", question.Text, ContentLimits.ShortText);
            if (question.Hint is not null)
            {
                Text(file, path + ".hint", question.Hint, ContentLimits.ShortText);
            }

            if (question.Advice is not null)
            {
                Text(file, path + ".advice", question.Advice, ContentLimits.ChatText);
            }
            else if (question.Level == ScreeningLevel.Soon)
            {
                Add(file, path + ".advice", "is missing: a reason for a check-up is told as the question's advice");
            }

            ValidateExclusions(file, path, question, techniqueTags);
        }

        return byId;
    }

    /// <summary>
    /// The checks: known follow-ups, each question in exactly one check, and the order that keeps people safe
    /// (someone with a red flag hears "go now" before being asked about pregnancy).
    /// </summary>
    private void ValidateChecks(string file, ScreeningScript screening, Dictionary<string, (ScreeningQuestion Question, string Path)> questions)
    {
        var checkIds = new HashSet<string>(StringComparer.Ordinal);
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        var levelsSeen = new HashSet<ScreeningLevel>();
        ScreeningLevel? previousCheck = null;
        for (var i = 0; i < screening.Checks.Count; i++)
        {
            var path = $"$.checks[{i}]";
            var check = screening.Checks[i];
            if (Text(file, path + ".id", check.Id, ContentLimits.Label, label: true) && !checkIds.Add(check.Id))
            {
                Add(file, path + ".id", $"duplicate check id \"{check.Id}\"");
            }

            Text(file, path + ".text", check.Text, ContentLimits.ShortText);
            TextList(file, path + ".items", check.Items, ContentLimits.ShortText);
            if (check.Hint is not null)
            {
                Text(file, path + ".hint", check.Hint, ContentLimits.ShortText);
            }

            if (check.FollowUps.Count == 0 && !check.Level.StopsScreening())
            {
                Add(file, path + ".followUps", $"is empty, so a \"yes\" to this {LevelName(check.Level)} check would change nothing; name the questions that find out which item applies");
            }

            var reach = check.Level;
            ScreeningLevel? previous = null;
            for (var k = 0; k < check.FollowUps.Count; k++)
            {
                var followPath = $"{path}.followUps[{k}]";
                var id = check.FollowUps[k];
                if (id is null || !questions.TryGetValue(id, out var found))
                {
                    Add(file, followPath, $"\"{id}\" is not the id of a question in $.questions");
                    continue;
                }

                if (!used.TryAdd(id, followPath))
                {
                    Add(file, followPath, $"\"{id}\" is already asked at {used[id]}; each question belongs to one check");
                }

                // A follow-up whose "yes" ends the screening must not wait behind a less serious one; cautions and
                // reasons for a check-up are all asked anyway, in whatever order reads best.
                var level = found.Question.Level;
                if (previous is { } before && level < before && level.StopsScreening())
                {
                    Add(file, followPath, $"\"{id}\" ({LevelName(level)}) comes after a {LevelName(before)} question; ask the most serious follow-ups first");
                }

                previous = level;
                levelsSeen.Add(level);
                reach = level < reach ? level : reach;
            }

            levelsSeen.Add(check.Level);
            if (previousCheck is { } earlier && reach < earlier)
            {
                Add(file, path, $"\"{check.Id}\" can end at {LevelName(reach)} but comes after a check that can end at {LevelName(earlier)}; order checks most serious first");
            }

            previousCheck = reach;
        }

        foreach (var (id, (_, questionPath)) in questions.Where(q => !used.ContainsKey(q.Key)))
        {
            Add(file, questionPath, $"\"{id}\" is not a follow-up of any check, so it would never be asked");
        }

        foreach (var level in Enum.GetValues<ScreeningLevel>().Where(l => !levelsSeen.Contains(l)))
        {
            Add(file, "$.checks", $"reach no {LevelName(level)} answer; the screening needs at least one of each level");
        }

        if (!checkIds.Contains(screening.DurationBefore ?? string.Empty))
        {
            Add(file, "$.durationBefore", $"\"{screening.DurationBefore}\" is not the id of a check; the duration question is asked before that check");
        }
    }

    /// <summary>A technique's adapted forms: for a caution question that exists, with steps like any technique's.</summary>
    private void ValidateAdaptations(IReadOnlyList<Technique> techniques, Dictionary<string, (ScreeningQuestion Question, string Path)> questions)
    {
        const string file = ContentLoader.TechniquesFile;
        for (var i = 0; i < techniques.Count; i++)
        {
            var technique = techniques[i];
            for (var k = 0; k < technique.Adaptations.Count; k++)
            {
                var path = $"$.techniques[{i}].adaptations[{k}]";
                var adaptation = technique.Adaptations[k];
                if (!questions.TryGetValue(adaptation.ForCaution ?? string.Empty, out var found) || found.Question.Level != ScreeningLevel.Caution)
                {
                    Add(file, path + ".forCaution", $"\"{adaptation.ForCaution}\" is not the id of a caution question in screening.json");
                }

                Text(file, path + ".name", adaptation.Name, ContentLimits.Label, label: true);
                Text(file, path + ".summary", adaptation.Summary, ContentLimits.ShortText);
                TextList(file, path + ".equipment", adaptation.Equipment, ContentLimits.ShortText);
                ValidateSteps(file, path, adaptation.Steps);
            }
        }
    }

    private void ValidateDurationVocabulary(string file, DurationVocabulary vocabulary)
    {
        const string path = "$.duration.vocabulary";
        foreach (var (word, rewrite) in vocabulary.Rewrites)
        {
            // Phrases are matched as whole words; a blank one would match between any two words.
            Text(file, $"{path}.rewrites.{word}", word, ContentLimits.Label, label: true);
            Text(file, $"{path}.rewrites.{word}", rewrite, ContentLimits.Label, label: true);
        }

        // The schema has checked the numbers' ranges and that each vague length has phrases.
        for (var i = 0; i < vocabulary.VagueLengths.Count; i++)
        {
            PhraseList(file, $"{path}.vagueLengths[{i}].phrases", vocabulary.VagueLengths[i].Phrases);
        }

        PhraseList(file, path + ".atLeast", vocabulary.AtLeast);
        PhraseList(file, path + ".recurrent", vocabulary.Recurrent);
        PhraseList(file, path + ".unsure", vocabulary.Unsure);
    }

    private void PhraseList(string file, string path, IReadOnlyList<string> phrases)
    {
        for (var k = 0; k < phrases.Count; k++)
        {
            Text(file, $"{path}[{k}]", phrases[k], ContentLimits.Label, label: true);
        }
    }

    private void ValidateExclusions(string file, string path, ScreeningQuestion question, HashSet<string> techniqueTags)
    {
        if (question.Level != ScreeningLevel.Caution)
        {
            // A "yes" that stops the screening rules out every technique, and a reason for a check-up leaves none out.
            if (question.Excludes.Count > 0)
            {
                Add(file, path + ".excludes", $"must be empty: only a caution leaves out techniques");
            }

            return;
        }

        foreach (var (tag, reason) in question.Excludes)
        {
            var tagPath = $"{path}.excludes.{tag}";
            if (!techniqueTags.Contains(tag))
            {
                Add(file, tagPath, $"\"{tag}\" is not a tag of any technique in techniques.json ({string.Join(", ", techniqueTags.Order(StringComparer.Ordinal))}), so it would leave nothing out");
            }

            Text(file, tagPath, reason, ContentLimits.ShortText);
        }

        if (question.Excludes.Count == 0 && question.Advice is null)
        {
            Add(file, path, "neither leaves out a technique (excludes) nor gives advice, so a \"yes\" would change nothing");
        }
    }

    private void ValidateMessages(BotMessages messages, HashSet<string> techniqueTags)
    {
        const string file = ContentLoader.MessagesFile;

        // Reflection so that a message added to BotMessages is checked without touching this file.
        foreach (var property in typeof(BotMessages).GetProperties().Where(p => p.PropertyType == typeof(string)).OrderBy(p => p.MetadataToken))
        {
            var path = "$." + JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var value = (string?)property.GetValue(messages);
            var isButton = ButtonMessages.Contains(property.Name);
            if (Text(file, path, value, isButton ? ContentLimits.Label : ContentLimits.ChatText, label: isButton))
            {
                CheckPlaceholders(file, path, value!, MessageFormats.For(property.Name));
            }
        }

        foreach (var (key, advice) in messages.SafetyAdvice)
        {
            if (Text(file, $"$.safetyAdvice.{key}", advice, ContentLimits.ChatText))
            {
                CheckPlaceholders(file, $"$.safetyAdvice.{key}", advice, []);
            }
        }

        // The schema has checked that there is at least one prompt, each with text and tags.
        for (var n = 0; n < messages.ReminderPrompts.Count; n++)
        {
            var prompt = messages.ReminderPrompts[n];
            if (Text(file, $"$.reminderPrompts[{n}].text", prompt.Text, ContentLimits.ChatText))
            {
                CheckPlaceholders(file, $"$.reminderPrompts[{n}].text", prompt.Text, []);
            }

            foreach (var tag in prompt.Tags.Where(t => !techniqueTags.Contains(t)))
            {
                Add(file, $"$.reminderPrompts[{n}].tags", $"\"{tag}\" is not a tag of any technique in techniques.json, so no screening answer could ever rule this movement out");
            }
        }

        // Someone who has not done the safety check (or whose check ruled movements out) still gets reminders.
        if (messages.ReminderPrompts.All(p => p.Tags.Count > 0))
        {
            Add(file, "$.reminderPrompts", "needs at least one prompt with no tags, for people whose screening allows no tagged movement");
        }

        RequireDistinct(
            file,
            [(messages.MenuTechniques, "$.menuTechniques"), (messages.MenuQuestion, "$.menuQuestion"), (messages.MenuTips, "$.menuTips")],
            "menu button caption");
        RequireDistinct(
            file,
            [(messages.FeltBetter, "$.feltBetter"), (messages.FeltSame, "$.feltSame"), (messages.FeltWorse, "$.feltWorse")],
            "\"how did it go\" button caption");
    }

    private void CheckPlaceholders(string file, string path, string text, IReadOnlyList<string> fills)
    {
        if (fills.Count == 0)
        {
            if (text.AsSpan().IndexOfAny('{', '}') >= 0)
            {
                Add(file, path, "contains a brace, but this text is shown as written, not formatted: a placeholder such as {0} would appear literally");
            }

            return;
        }

        var takes = string.Join(" and ", fills.Select((fill, n) => $"{{{n}}} ({fill})"));
        var used = new SortedSet<int>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if ((c == '{' && next == '{') || (c == '}' && next == '}'))
            {
                i += 2;
                continue;
            }

            if (c == '}')
            {
                Add(file, path, $"has a '}}' without a matching '{{' (write }}}} for a literal brace); this text takes {takes}");
                return;
            }

            if (c == '{')
            {
                var close = text.IndexOf('}', i);
                var inner = close < 0 ? text[(i + 1)..] : text[(i + 1)..close];
                var indexPart = inner.Split(',', ':')[0];
                if (close < 0 || !int.TryParse(indexPart, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    Add(file, path, $"has \"{{{inner}{(close < 0 ? string.Empty : "}")}\", which is not a placeholder like {{0}} (write {{{{ for a literal brace); this text takes {takes}");
                    return;
                }

                used.Add(index);
                i = close + 1;
                continue;
            }

            i++;
        }

        foreach (var index in used.Where(n => n >= fills.Count))
        {
            Add(file, path, $"uses {{{index}}}, which nothing fills: this text takes {takes}");
        }

        for (var n = 0; n < fills.Count; n++)
        {
            if (!used.Contains(n))
            {
                Add(file, path, $"lacks {{{n}}} ({fills[n]}): this text takes {takes}");
            }
        }
    }

    private void RequireExactIds(string file, string listPath, List<(string? Id, string Path)> found, IReadOnlyList<string> required, string kind)
    {
        var firstPath = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, path) in found)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                continue;
            }

            if (!firstPath.TryAdd(id, path))
            {
                Add(file, path, $"duplicate id \"{id}\": {firstPath[id]} already uses it");
            }
            else if (!required.Contains(id, StringComparer.Ordinal))
            {
                Add(file, path, $"\"{id}\" is not one of the {kind} ids the router uses ({string.Join(", ", required)})");
            }
        }

        foreach (var id in required.Where(id => !firstPath.ContainsKey(id)))
        {
            Add(file, listPath, $"has no entry with id \"{id}\"; every {kind} id the router uses needs one");
        }
    }

    private void RequireDistinct(string file, List<(string? Text, string Path)> values, string what)
    {
        var firstPath = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (text, path) in values)
        {
            if (!string.IsNullOrWhiteSpace(text) && !firstPath.TryAdd(text.Trim(), path))
            {
                Add(file, path, $"repeats the {what} \"{text}\" of {firstPath[text.Trim()]}; they must differ so the user can tell them apart");
            }
        }
    }

    private void TextList(string file, string path, IReadOnlyList<string> items, int maxLength, bool label = false)
    {
        for (var k = 0; k < items.Count; k++)
        {
            Text(file, $"{path}[{k}]", items[k], maxLength, label);
        }
    }

    /// <summary>Checks one piece of text; returns whether it is present (so callers can go on to check what it refers to).</summary>
    /// <param name="overflowsToMore">The entry has a "more" part that detail can move to, which the problem then suggests.</param>
    private bool Text(string file, string path, string? value, int maxLength, bool label = false, bool overflowsToMore = false)
    {
        if (value is null)
        {
            Add(file, path, "is missing; text is required here");
            return false;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            Add(file, path, "is empty; text is required here");
            return false;
        }

        // What the user reads is the text with its local help tokens filled in, so that is what must fit.
        var shown = LocalHelpTokens.Replace(value, name => _longestLocalHelp.GetValueOrDefault(name));
        if (shown.Length > maxLength)
        {
            var filled = shown.Length == value.Length ? string.Empty : " with the longest local help values filled in";
            Add(file, path, $"is {shown.Length} characters long{filled}; the limit here is {maxLength} so it fits a chat window. Shorten it{(overflowsToMore ? " or move detail to \"more\"" : string.Empty)}");
        }

        CheckLocalHelpTokens(file, path, value, label);

        if (label && (value.Trim().Length != value.Length || value.Any(char.IsControl)))
        {
            Add(file, path, "must be a single line without leading or trailing spaces (it is matched against what a button sends back)");
        }
        else if (value.Any(ch => char.IsControl(ch) && ch != '\n'))
        {
            Add(file, path, "contains a control character (a tab or similar); only line breaks are allowed");
        }

        // Tokens are replaced before sending, so their brackets never reach Teams; any other bracket would.
        var plain = LocalHelpTokens.Strip(value);
        var markup = plain.IndexOfAny(MarkupCharacters);
        if (markup >= 0)
        {
            Add(file, path, $"contains '{plain[markup]}', which Teams would render as formatting; keep the text plain");
        }

        return true;
    }

    private void CheckLocalHelpTokens(string file, string path, string value, bool label)
    {
        foreach (var name in LocalHelpTokens.NamesIn(value))
        {
            if (label)
            {
                Add(file, path, $"contains [[{name}]]; a caption or id is matched against what a button sends back, so write it out");
            }
            else if (!LocalHelpTokens.Names.Contains(name, StringComparer.Ordinal))
            {
                Add(file, path, $"contains [[{name}]], which is not a local help token; use {string.Join(", ", LocalHelpTokens.Names.Select(n => $"[[{n}]]"))}");
            }
        }

        // The locale may be wrong (a traveller, a work laptop set to another country), so the number never stands alone.
        var number = $"[[{LocalHelpTokens.EmergencyNumber}]]";
        if (value.Replace(number + LocalHelpTokens.NumberFallback, string.Empty, StringComparison.Ordinal).Contains(number, StringComparison.Ordinal))
        {
            Add(file, path, $"has {number} without \"{LocalHelpTokens.NumberFallback}\" right after it; the user's locale may not be where they are");
        }
    }

    private void Add(string file, string path, string problem) => errors.Add(new ContentError(file, path, problem));

    private static string LevelName(ScreeningLevel level) => JsonNamingPolicy.CamelCase.ConvertName(level.ToString());
}

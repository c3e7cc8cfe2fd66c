using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BackCare.Bot.Content;

/// <summary>
/// The checks the JSON serializer cannot make: text present and chat-sized, ids unique and exactly
/// DESIGN's routing ids, references (related ids, excluded tags) pointing at something real, hold
/// times that make sense, screening questions in the order that keeps people safe, and message
/// format strings with the placeholders the code fills. Collects every problem rather than stopping
/// at the first, so one run of the bot shows an editor everything to fix.
/// </summary>
internal sealed partial class ContentValidator(List<ContentError> errors)
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

    public void Validate(
        IReadOnlyList<Technique> techniques,
        IReadOnlyList<Answer> answers,
        IReadOnlyList<Tip> tips,
        ScreeningScript screening,
        BotMessages messages)
    {
        ValidateTechniques(techniques);
        ValidateTips(tips);

        var routingIds = new HashSet<string>(StringComparer.Ordinal);
        routingIds.UnionWith(techniques.Where(t => t?.Id is not null).Select(t => t.RoutingId));
        routingIds.UnionWith(answers.Where(a => a?.Id is not null).Select(a => a.Id));
        routingIds.UnionWith(tips.Where(t => t?.Id is not null).Select(t => t.Id));
        ValidateAnswers(answers, routingIds);

        var tags = techniques.Where(t => t?.Tags is not null).SelectMany(t => t.Tags).Where(tag => tag is not null).ToHashSet(StringComparer.Ordinal);
        ValidateScreening(screening, tags);
        ValidateMessages(messages);
    }

    private void ValidateTechniques(IReadOnlyList<Technique> techniques)
    {
        const string file = ContentLoader.TechniquesFile;
        var ids = new List<(string? Id, string Path)>();
        var names = new List<(string? Text, string Path)>();
        for (var i = 0; i < techniques.Count; i++)
        {
            var path = $"$[{i}]";
            var technique = techniques[i];
            if (technique is null)
            {
                Add(file, path, "is null; expected a technique");
                continue;
            }

            if (Text(file, path + ".id", technique.Id, ContentLimits.Label, label: true) && !KebabCase().IsMatch(technique.Id))
            {
                Add(file, path + ".id", $"\"{technique.Id}\" is not a lower-case, hyphenated id like \"childs-pose\"");
            }

            ids.Add((technique.Id, path + ".id"));
            names.Add((technique.Name, path + ".name"));
            Text(file, path + ".name", technique.Name, ContentLimits.Label, label: true);
            Text(file, path + ".summary", technique.Summary, ContentLimits.ShortText);
            Text(file, path + ".whereAndWhen", technique.WhereAndWhen, ContentLimits.ShortText);
            TextList(file, path + ".equipment", technique.Equipment, ContentLimits.ShortText, mayBeEmpty: true);
            ValidateSteps(file, path, technique);
            TextList(file, path + ".cautions", technique.Cautions, ContentLimits.ShortText, mayBeEmpty: false);
            ValidateTags(file, path + ".tags", technique.Tags);
        }

        RequireExactIds(file, ids, KnowledgeIds.Techniques, "technique");
        RequireDistinct(file, names, "technique name");
    }

    private void ValidateSteps(string file, string techniquePath, Technique technique)
    {
        if (technique.Steps.Count == 0)
        {
            Add(file, techniquePath + ".steps", $"technique \"{technique.Id}\" has no steps; a walkthrough needs at least one");
            return;
        }

        for (var j = 0; j < technique.Steps.Count; j++)
        {
            var path = $"{techniquePath}.steps[{j}]";
            var step = technique.Steps[j];
            if (step is null)
            {
                Add(file, path, "is null; expected a step with title, text and hold");
                continue;
            }

            Text(file, path + ".title", step.Title, ContentLimits.Label, label: true);
            Text(file, path + ".text", step.Text, ContentLimits.ChatText);
            if (step.Hold is { } hold)
            {
                if (hold.MinSeconds <= 0)
                {
                    Add(file, path + ".hold.minSeconds", $"is {hold.MinSeconds}; a hold lasts at least 1 second (use \"hold\": null for a step without one)");
                }

                if (hold.MaxSeconds > ContentLimits.HoldSeconds)
                {
                    Add(file, path + ".hold.maxSeconds", $"is {hold.MaxSeconds}; the longest hold allowed is {ContentLimits.HoldSeconds} seconds");
                }

                if (hold.MinSeconds > hold.MaxSeconds)
                {
                    Add(file, path + ".hold", $"minSeconds ({hold.MinSeconds}) is more than maxSeconds ({hold.MaxSeconds})");
                }
            }
        }
    }

    private void ValidateTags(string file, string path, IReadOnlyList<string> tags)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < tags.Count; k++)
        {
            var tagPath = $"{path}[{k}]";
            var tag = tags[k];
            if (!Text(file, tagPath, tag, ContentLimits.Label, label: true))
            {
                continue;
            }

            if (!KebabCase().IsMatch(tag))
            {
                Add(file, tagPath, $"\"{tag}\" is not a lower-case, hyphenated tag like \"lying-on-back\"");
            }
            else if (!seen.Add(tag))
            {
                Add(file, tagPath, $"repeats the tag \"{tag}\"");
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
            var path = $"$[{i}]";
            var answer = answers[i];
            if (answer is null)
            {
                Add(file, path, "is null; expected an answer");
                continue;
            }

            Text(file, path + ".id", answer.Id, ContentLimits.Label, label: true);
            ids.Add((answer.Id, path + ".id"));
            titles.Add((answer.Question, path + ".question"));
            Text(file, path + ".question", answer.Question, ContentLimits.Label, label: true);
            Text(file, path + ".text", answer.Text, ContentLimits.ChatText, overflowsToMore: true);
            if (answer.More is not null)
            {
                Text(file, path + ".more", answer.More, ContentLimits.MoreText);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
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
                else if (!seen.Add(related))
                {
                    Add(file, relatedPath, $"repeats \"{related}\"");
                }
            }
        }

        RequireExactIds(file, ids, [.. KnowledgeIds.Faqs, .. KnowledgeIds.Topics], "FAQ or topic");
        RequireDistinct(file, titles, "question title (the \"did you mean\" buttons show it)");
    }

    private void ValidateTips(IReadOnlyList<Tip> tips)
    {
        const string file = ContentLoader.TipsFile;
        var ids = new List<(string? Id, string Path)>();
        var titles = new List<(string? Text, string Path)>();
        for (var i = 0; i < tips.Count; i++)
        {
            var path = $"$[{i}]";
            var tip = tips[i];
            if (tip is null)
            {
                Add(file, path, "is null; expected a tip");
                continue;
            }

            Text(file, path + ".id", tip.Id, ContentLimits.Label, label: true);
            ids.Add((tip.Id, path + ".id"));
            titles.Add((tip.Title, path + ".title"));
            Text(file, path + ".title", tip.Title, ContentLimits.Label, label: true);
            Text(file, path + ".summary", tip.Summary, ContentLimits.ShortText, overflowsToMore: true);
            Text(file, path + ".more", tip.More, ContentLimits.MoreText);
        }

        RequireExactIds(file, ids, KnowledgeIds.Tips, "tip");
        RequireDistinct(file, titles, "tip title");
    }

    private void ValidateScreening(ScreeningScript screening, HashSet<string> techniqueTags)
    {
        const string file = ContentLoader.ScreeningFile;
        Text(file, "$.introduction", screening.Introduction, ContentLimits.ChatText);

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var levelsSeen = new HashSet<ScreeningLevel>();
        ScreeningLevel? previous = null;
        for (var i = 0; i < screening.Questions.Count; i++)
        {
            var path = $"$.questions[{i}]";
            var question = screening.Questions[i];
            if (question is null)
            {
                Add(file, path, "is null; expected a screening question");
                continue;
            }

            if (Text(file, path + ".id", question.Id, ContentLimits.Label, label: true))
            {
                if (!KebabCase().IsMatch(question.Id))
                {
                    Add(file, path + ".id", $"\"{question.Id}\" is not a lower-case, hyphenated id like \"blood-thinners\"");
                }
                else if (!ids.TryAdd(question.Id, path))
                {
                    Add(file, path + ".id", $"duplicate id \"{question.Id}\": {ids[question.Id]} already uses it");
                }
            }

            Text(file, path + ".text", question.Text, ContentLimits.ShortText);
            if (question.Hint is not null)
            {
                Text(file, path + ".hint", question.Hint, ContentLimits.ShortText);
            }

            if (!Enum.IsDefined(question.Level))
            {
                Add(file, path + ".level", $"is not one of {string.Join(", ", Enum.GetNames<ScreeningLevel>().Select(n => JsonNamingPolicy.CamelCase.ConvertName(n)))}");
                continue;
            }

            levelsSeen.Add(question.Level);

            // Emergency questions must all come before anything else: someone with a red flag
            // should hear "go to an emergency department" before being asked about pregnancy.
            if (previous is { } before && question.Level < before)
            {
                Add(file, path + ".level", $"\"{question.Id}\" ({LevelName(question.Level)}) comes after a {LevelName(before)} question; ask every emergency question first, then see-a-doctor-first, then cautions");
            }

            previous = question.Level;
            ValidateExclusions(file, path, question, techniqueTags);
        }

        foreach (var level in Enum.GetValues<ScreeningLevel>().Where(l => !levelsSeen.Contains(l)))
        {
            Add(file, "$.questions", $"has no {LevelName(level)} question; the screening needs at least one of each level");
        }

        Text(file, "$.duration.text", screening.Duration.Text, ContentLimits.ShortText);
        Text(file, "$.duration.retryText", screening.Duration.RetryText, ContentLimits.ShortText);
        if (screening.Duration.SeeDoctorAfterDays is < 1 or > 365)
        {
            Add(file, "$.duration.seeDoctorAfterDays", $"is {screening.Duration.SeeDoctorAfterDays}; expected a number of days between 1 and 365");
        }

        ValidateDurationVocabulary(file, screening.Duration.Vocabulary);

        Text(file, "$.outcomes.emergency", screening.Outcomes.Emergency, ContentLimits.ChatText);
        Text(file, "$.outcomes.seeDoctorFirst", screening.Outcomes.SeeDoctorFirst, ContentLimits.ChatText);
        Text(file, "$.outcomes.cautions", screening.Outcomes.Cautions, ContentLimits.ChatText);
        Text(file, "$.outcomes.clear", screening.Outcomes.Clear, ContentLimits.ChatText);
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

        for (var i = 0; i < vocabulary.VagueLengths.Count; i++)
        {
            var vague = vocabulary.VagueLengths[i];
            if (vague.Days is < 1 or > 3650)
            {
                Add(file, $"{path}.vagueLengths[{i}].days", $"is {vague.Days}; expected a number of days between 1 and 3650");
            }

            PhraseList(file, $"{path}.vagueLengths[{i}].phrases", vague.Phrases, mayBeEmpty: false);
        }

        PhraseList(file, path + ".atLeast", vocabulary.AtLeast, mayBeEmpty: true);
        PhraseList(file, path + ".recurrent", vocabulary.Recurrent, mayBeEmpty: true);
        PhraseList(file, path + ".unsure", vocabulary.Unsure, mayBeEmpty: true);

        var seasons = vocabulary.SeasonStartMonths;
        foreach (var (season, month) in new[] { ("spring", seasons.Spring), ("summer", seasons.Summer), ("autumn", seasons.Autumn), ("winter", seasons.Winter) })
        {
            if (month is < 1 or > 12)
            {
                Add(file, $"{path}.seasonStartMonths.{season}", $"is {month}; expected a month number from 1 (January) to 12 (December)");
            }
        }
    }

    private void PhraseList(string file, string path, IReadOnlyList<string> phrases, bool mayBeEmpty)
    {
        if (phrases.Count == 0 && !mayBeEmpty)
        {
            Add(file, path, "is empty; at least one phrase is required");
        }

        for (var k = 0; k < phrases.Count; k++)
        {
            Text(file, $"{path}[{k}]", phrases[k], ContentLimits.Label, label: true);
        }
    }

    private void ValidateExclusions(string file, string path, ScreeningQuestion question, HashSet<string> techniqueTags)
    {
        if (question.Level != ScreeningLevel.Caution)
        {
            // A "yes" at these levels already rules out every technique; tags or a reason here would never be used.
            if (question.ExcludesTags.Count > 0)
            {
                Add(file, path + ".excludesTags", $"must be empty: a {LevelName(question.Level)} answer already rules out every technique");
            }

            if (question.Reason is not null)
            {
                Add(file, path + ".reason", $"must be null: a reason is only said for techniques a caution leaves out");
            }

            return;
        }

        if (question.ExcludesTags.Count == 0)
        {
            Add(file, path + ".excludesTags", $"is empty: a caution must leave out at least one kind of technique (a tag from techniques.json)");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < question.ExcludesTags.Count; k++)
        {
            var tagPath = $"{path}.excludesTags[{k}]";
            var tag = question.ExcludesTags[k];
            if (!Text(file, tagPath, tag, ContentLimits.Label, label: true))
            {
                continue;
            }

            if (!techniqueTags.Contains(tag))
            {
                Add(file, tagPath, $"\"{tag}\" is not a tag of any technique in techniques.json ({string.Join(", ", techniqueTags.Order(StringComparer.Ordinal))}), so it would leave nothing out");
            }
            else if (!seen.Add(tag))
            {
                Add(file, tagPath, $"repeats the tag \"{tag}\"");
            }
        }

        Text(file, path + ".reason", question.Reason, ContentLimits.ShortText);
    }

    private void ValidateMessages(BotMessages messages)
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

        // The reminder card shows one of these; a missing list would leave the card empty.
        if (messages.ReminderPrompts is not { Count: > 0 })
        {
            Add(file, "$.reminderPrompts", "needs at least one movement or posture prompt");
        }
        else
        {
            for (var n = 0; n < messages.ReminderPrompts.Count; n++)
            {
                if (Text(file, $"$.reminderPrompts[{n}]", messages.ReminderPrompts[n], ContentLimits.ChatText))
                {
                    CheckPlaceholders(file, $"$.reminderPrompts[{n}]", messages.ReminderPrompts[n], []);
                }
            }
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

    private void RequireExactIds(string file, List<(string? Id, string Path)> found, IReadOnlyList<string> required, string kind)
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
            Add(file, "$", $"has no entry with id \"{id}\"; every {kind} id the router uses needs one");
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

    private void TextList(string file, string path, IReadOnlyList<string> items, int maxLength, bool mayBeEmpty)
    {
        if (items.Count == 0 && !mayBeEmpty)
        {
            Add(file, path, "is empty; at least one entry is required");
        }

        for (var k = 0; k < items.Count; k++)
        {
            Text(file, $"{path}[{k}]", items[k], maxLength);
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

        if (value.Length > maxLength)
        {
            Add(file, path, $"is {value.Length} characters long; the limit here is {maxLength} so it fits a chat window. Shorten it{(overflowsToMore ? " or move detail to \"more\"" : string.Empty)}");
        }

        if (label && (value.Trim().Length != value.Length || value.Any(char.IsControl)))
        {
            Add(file, path, "must be a single line without leading or trailing spaces (it is matched against what a button sends back)");
        }
        else if (value.Any(ch => char.IsControl(ch) && ch != '\n'))
        {
            Add(file, path, "contains a control character (a tab or similar); only line breaks are allowed");
        }

        // The local help tokens of issue 10's contract ("[[emergencyNumber]]") are replaced before sending, so their brackets never reach Teams.
        var shown = LocalHelpToken().Replace(value, string.Empty);
        var markup = shown.IndexOfAny(MarkupCharacters);
        if (markup >= 0)
        {
            Add(file, path, $"contains '{shown[markup]}', which Teams would render as formatting; keep the text plain");
        }

        return true;
    }

    private void Add(string file, string path, string problem) => errors.Add(new ContentError(file, path, problem));

    private static string LevelName(ScreeningLevel level) => JsonNamingPolicy.CamelCase.ConvertName(level.ToString());

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();

    [GeneratedRegex(@"\[\[(?:emergencyNumber|emergencyDepartment|sameDayCare)\]\]", RegexOptions.CultureInvariant)]
    private static partial Regex LocalHelpToken();
}

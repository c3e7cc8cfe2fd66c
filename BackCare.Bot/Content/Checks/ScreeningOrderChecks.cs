using System.Text.Json;

namespace BackCare.Bot.Content.Checks;

/// <summary>
/// screening.json's checks beyond the schema: check ids once each; follow-ups that are known questions, each
/// question in exactly one check; every level reachable; and the order that keeps people safe (someone with a red
/// flag hears "go now" before being asked about pregnancy).
/// </summary>
internal sealed class ScreeningOrderChecks(List<ContentError> errors, TextRules text)
{
    private const string File = ContentLoader.ScreeningFile;

    /// <param name="questions">The follow-up questions by id (<see cref="ScreeningQuestionChecks"/>).</param>
    public void Check(ScreeningScript screening, IReadOnlyDictionary<string, (ScreeningQuestion Item, string Path)> questions)
    {
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        var levelsSeen = new HashSet<ScreeningLevel>();
        ScreeningLevel? previousCheck = null;
        var entries = ItemPaths.Of(screening.Checks, "$.checks");
        foreach (var (check, path) in entries)
        {
            CheckTexts(path, check);
            var reach = CheckFollowUps(path, check, questions, used, levelsSeen);
            levelsSeen.Add(check.Level);
            if (previousCheck is { } earlier && reach < earlier)
            {
                Add(path, $"\"{check.Id}\" can end at {LevelName(reach)} but comes after a check that can end at {LevelName(earlier)}; order checks most serious first");
            }

            previousCheck = reach;
        }

        foreach (var (id, (_, questionPath)) in questions.Where(q => !used.ContainsKey(q.Key)))
        {
            Add(questionPath, $"\"{id}\" is not a follow-up of any check, so it would never be asked");
        }

        foreach (var level in Enum.GetValues<ScreeningLevel>().Where(l => !levelsSeen.Contains(l)))
        {
            Add("$.checks", $"reach no {LevelName(level)} answer; the screening needs at least one of each level");
        }

        var checkIds = UniqueValues.RequireUnique(errors, File, entries, e => (e.Item.Id, e.Path + ".id"), "check id");
        if (!checkIds.ContainsKey(screening.DurationBefore ?? string.Empty))
        {
            Add("$.durationBefore", $"\"{screening.DurationBefore}\" is not the id of a check; the duration question is asked before that check");
        }
    }

    private void CheckTexts(string path, ScreeningCheck check)
    {
        text.Check(File, path + ".id", check.Id, ContentLimits.Label, label: true);
        text.Check(File, path + ".text", check.Text, ContentLimits.ShortText);
        text.CheckEach(File, path + ".items", check.Items, ContentLimits.ShortText);
        if (check.Hint is not null)
        {
            text.Check(File, path + ".hint", check.Hint, ContentLimits.ShortText);
        }
    }

    /// <summary>Checks a check's follow-ups; returns the most serious level the check can end at.</summary>
    private ScreeningLevel CheckFollowUps(
        string path,
        ScreeningCheck check,
        IReadOnlyDictionary<string, (ScreeningQuestion Item, string Path)> questions,
        Dictionary<string, string> used,
        HashSet<ScreeningLevel> levelsSeen)
    {
        if (check.FollowUps.Count == 0 && !check.Level.StopsScreening())
        {
            Add(path + ".followUps", $"is empty, so a \"yes\" to this {LevelName(check.Level)} check would change nothing; name the questions that find out which item applies");
        }

        var reach = check.Level;
        ScreeningLevel? previous = null;
        for (var k = 0; k < check.FollowUps.Count; k++)
        {
            var followPath = $"{path}.followUps[{k}]";
            var id = check.FollowUps[k];
            if (id is null || !questions.TryGetValue(id, out var found))
            {
                Add(followPath, $"\"{id}\" is not the id of a question in $.questions");
                continue;
            }

            if (!used.TryAdd(id, followPath))
            {
                Add(followPath, $"\"{id}\" is already asked at {used[id]}; each question belongs to one check");
            }

            // A follow-up whose "yes" ends the screening must not wait behind a less serious one; cautions and
            // reasons for a check-up are all asked anyway, in whatever order reads best.
            var level = found.Item.Level;
            if (previous is { } before && level < before && level.StopsScreening())
            {
                Add(followPath, $"\"{id}\" ({LevelName(level)}) comes after a {LevelName(before)} question; ask the most serious follow-ups first");
            }

            previous = level;
            levelsSeen.Add(level);
            reach = level < reach ? level : reach;
        }

        return reach;
    }

    private void Add(string path, string problem) => errors.Add(new ContentError(File, path, problem));

    private static string LevelName(ScreeningLevel level) => JsonNamingPolicy.CamelCase.ConvertName(level.ToString());
}

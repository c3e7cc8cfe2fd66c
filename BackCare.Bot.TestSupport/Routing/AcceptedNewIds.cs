namespace BackCare.Bot.TestSupport.Routing;

/// <summary>
/// Lines of the evaluation sets written before a subject got its own id (docs/routing.md), which may now be
/// answered by that id as well: TestData/routing-accepted-new-ids.tsv names each one by set, line and the start of its
/// text, so the list stays small and explicit, and a set whose lines moved fails to load instead of accepting the
/// wrong line.
/// </summary>
public static class AcceptedNewIds
{
    private static readonly Lazy<IReadOnlyList<(string Set, int Line, string Id, string TextStart)>> Entries = new(Read);

    /// <summary>The ids <paramref name="line"/> of the set file <paramref name="setFileName"/> may also be answered with.</summary>
    public static IReadOnlyList<string> For(string setFileName, int line, string text)
    {
        var extra = new List<string>();
        foreach (var entry in Entries.Value.Where(e => e.Set == setFileName && e.Line == line))
        {
            if (!text.StartsWith(entry.TextStart, StringComparison.Ordinal))
            {
                throw new FormatException($"routing-accepted-new-ids.tsv: {setFileName} line {line} is \"{text}\", not the line starting \"{entry.TextStart}\"; update the line number");
            }

            extra.Add(entry.Id);
        }

        return extra;
    }

    private static IReadOnlyList<(string, int, string, string)> Read()
    {
        var path = Path.Combine(RoutingEvalSet.TestDataDirectory, "routing-accepted-new-ids.tsv");
        var entries = new List<(string, int, string, string)>();
        foreach (var line in File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var fields = line.Split('\t');
            if (fields.Length != 4 || !int.TryParse(fields[1], out var number))
            {
                throw new FormatException($"routing-accepted-new-ids.tsv: expected \"set<TAB>line<TAB>id<TAB>text start\", got \"{line}\"");
            }

            entries.Add((fields[0], number, fields[2], fields[3]));
        }

        return entries;
    }
}

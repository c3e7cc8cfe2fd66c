using BackCare.Bot.Routing;

namespace BackCare.Bot.Tests.Routing;

/// <summary>
/// A tab-separated evaluation set (expected ids joined by |, then the message; # starts a comment), read from
/// Routing/TestData next to the test assembly so a run needs nothing outside the repository.
/// </summary>
public sealed class RoutingEvalSet
{
    private RoutingEvalSet(string name, IReadOnlyList<RoutingEvalCase> cases)
    {
        Name = name;
        Cases = cases;
    }

    public string Name { get; }

    public IReadOnlyList<RoutingEvalCase> Cases { get; }

    /// <summary>
    /// The development set: ../shared/eval/routing-dev.tsv beside the repository when it is there (the
    /// issue's reference), else the copy in TestData, which leaves out the one line that repeats the
    /// source article's FAQ heading word for word (the repository must hold no 10-word run of it).
    /// </summary>
    public static RoutingEvalSet LoadDevSet()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var shared = Path.Combine(dir.FullName, "shared", "eval", "routing-dev.tsv");
            if (File.Exists(shared))
            {
                return LoadPath(shared);
            }
        }

        return Load("routing-dev.tsv");
    }

    public static RoutingEvalSet Load(string fileName) =>
        LoadPath(Path.Combine(AppContext.BaseDirectory, "Routing", "TestData", fileName));

    private static RoutingEvalSet LoadPath(string path)
    {
        var fileName = path;
        var cases = new List<RoutingEvalCase>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0) throw new FormatException($"{fileName} line {i + 1}: expected \"ids<TAB>text\"");
            var expected = line[..tab].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            cases.Add(new RoutingEvalCase(i + 1, expected, line[(tab + 1)..]));
        }

        return new RoutingEvalSet(fileName, cases);
    }

    public RoutingEvalReport Evaluate(KeywordRouter router)
    {
        var misses = Cases
            .Select(c => (Case: c, Result: router.Route(c.Text)))
            .Where(r => !r.Case.Expected.Contains(r.Result.Intent))
            .Select(r => new RoutingEvalMiss(r.Case, r.Result))
            .ToList();
        return new RoutingEvalReport(Name, Cases.Count, misses);
    }
}

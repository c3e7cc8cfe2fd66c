using BackCare.Bot.Routing;

namespace BackCare.Bot.TestSupport.Routing;

/// <summary>
/// A tab-separated evaluation set (expected ids joined by |, then the message; # starts a comment), read from
/// Routing/TestData next to the test assembly (or, for a tool, from the tests' folder in the repository) so a run
/// needs nothing outside the repository.
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
        LoadPath(Path.Combine(TestDataDirectory, fileName));

    /// <summary>
    /// Where the sets are: Routing/TestData next to the running assembly (the tests copy them there), else the tests'
    /// folder in the repository above it (the benchmarks' routing verb).
    /// </summary>
    public static string TestDataDirectory { get; } = FindTestData();

    private static string FindTestData()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "Routing", "TestData");
        if (Directory.Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var repository = Path.Combine(dir.FullName, "BackCare.Bot.Tests", "Routing", "TestData");
            if (Directory.Exists(repository))
            {
                return repository;
            }
        }

        return beside;
    }

    /// <summary>A set read from any path (the shared sets, or a tool's argument).</summary>
    public static RoutingEvalSet LoadPath(string path)
    {
        var fileName = path;
        var cases = new List<RoutingEvalCase>();
        var lines = File.ReadAllLines(path);
        var category = "";
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("# --", StringComparison.Ordinal) || line.StartsWith("# ==", StringComparison.Ordinal))
            {
                category = line.Trim('#', ' ', '-', '=');
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t');
            if (tab <= 0)
            {
                throw new FormatException($"{fileName} line {i + 1}: expected \"ids<TAB>text\"");
            }

            var expected = line[..tab].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            var text = line[(tab + 1)..];
            expected.UnionWith(AcceptedNewIds.For(Path.GetFileName(path), i + 1, text));
            cases.Add(new RoutingEvalCase(i + 1, expected, text, category));
        }

        return new RoutingEvalSet(fileName, cases);
    }

    /// <summary>
    /// Scores what the user would be shown, as the trace's decision says: a fallback counts as "none" and a
    /// "did you mean" as no answer.
    /// </summary>
    public RoutingEvalReport Evaluate(Func<string, RoutingResult> route)
    {
        var misses = Cases
            .Select(c => (Case: c, Result: route(c.Text)))
            .Select(r => (r.Case, r.Result, Shown: Shown(r.Result)))
            .Where(r => !r.Case.Expected.Contains(r.Shown))
            .Select(r => new RoutingEvalMiss(r.Case, r.Result, r.Shown))
            .ToList();
        return new RoutingEvalReport(Name, Cases, misses);
    }

    public RoutingEvalReport Evaluate(MessageRouter router) => Evaluate(router.Route);

    public RoutingEvalReport Evaluate(KeywordRouter router) => Evaluate(router.Route);

    /// <summary>
    /// The second development set, written in real chat language: ../shared/eval/routing-dev2.tsv beside the
    /// repository, or null where it is not there (the repository stands alone; this set is an extra).
    /// </summary>
    public static RoutingEvalSet? TryLoadSharedDevSet2()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var shared = Path.Combine(dir.FullName, "shared", "eval", "routing-dev2.tsv");
            if (File.Exists(shared))
            {
                return LoadPath(shared);
            }
        }

        return null;
    }

    private static string Shown(RoutingResult result) => result.Decision switch
    {
        RoutingDecision.Fallback => "none",
        RoutingDecision.Clarify => result.Intent + "(clarify)",
        _ => result.Intent,
    };
}

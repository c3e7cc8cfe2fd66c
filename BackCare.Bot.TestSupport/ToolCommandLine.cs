using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace BackCare.Bot.TestSupport;

/// <summary>
/// The console programs' command lines (the load test, the benchmarks), on System.CommandLine: numbers read in the
/// invariant culture and checked against their range, and a bad command line answered on standard error with what
/// is wrong and exit code 2, as the programs always did. --help (-h, -?) prints the options and exits 0.
/// </summary>
public static class ToolCommandLine
{
    /// <summary>The exit code for a command line that cannot be run.</summary>
    public const int BadUsage = 2;

    /// <summary>Parses <paramref name="args"/> against <paramref name="root"/> and runs the action it picks (help included).</summary>
    public static async Task<int> RunAsync(RootCommand root, IReadOnlyList<string> args, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        output ??= Console.Out;
        error ??= Console.Error;
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync(problem.Message).ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run with --help for the options.").ConfigureAwait(false);
            return BadUsage;
        }

        // No termination timeout: on Ctrl+C the programs stop their users and child processes themselves, and say so.
        var invocation = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(invocation).ConfigureAwait(false);
    }

    /// <summary>A whole number of at least <paramref name="minimum"/>.</summary>
    public static Option<int> Count(string name, int defaultValue, int minimum, string description) =>
        Create(name, defaultValue, "N", description, $"a whole number of at least {minimum}", (string token, out int value) => TryParseInt(token, out value) && value >= minimum);

    /// <summary>A duration in seconds, above 0 or (<paramref name="zeroAllowed"/>) 0 or more.</summary>
    public static Option<double> Seconds(string name, double defaultValue, bool zeroAllowed, string description) =>
        Create(
            name,
            defaultValue,
            "S",
            description,
            zeroAllowed ? "a number of seconds, 0 or more" : "a number of seconds above 0",
            (string token, out double value) => TryParseDouble(token, out value) && (zeroAllowed ? value >= 0 : value > 0));

    /// <summary>Text that is not blank.</summary>
    public static Option<string> Text(string name, string defaultValue, string helpName, string description) =>
        Create(name, defaultValue, helpName, description, "some text", (string token, out string value) => !string.IsNullOrWhiteSpace(value = token));

    /// <summary>One of <paramref name="names"/>, in any case; the value is the name as written there.</summary>
    public static Option<string> OneOf(string name, string defaultName, string helpName, IReadOnlyList<string> names, string description)
    {
        ArgumentNullException.ThrowIfNull(names);
        return Create(
            name,
            defaultName,
            helpName,
            description,
            "one of " + string.Join(", ", names),
            (string token, out string value) => (value = names.FirstOrDefault(n => string.Equals(n, token, StringComparison.OrdinalIgnoreCase))!) is not null);
    }

    /// <summary>A comma-separated list whose every item <paramref name="tryParse"/> accepts.</summary>
    public static Option<T[]> List<T>(string name, T[] defaultValue, string helpName, string what, TryParse<T> tryParse, string description) =>
        Create(name, defaultValue, helpName, description, what, (string token, out T[] values) =>
        {
            var items = token.Split(',', StringSplitOptions.TrimEntries);
            values = new T[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                if (!tryParse(items[i], out values[i]))
                {
                    return false;
                }
            }

            return true;
        });

    /// <summary>Reads one option value from its text.</summary>
    public delegate bool TryParse<T>(string token, out T value);

    /// <summary>An option of one value that <paramref name="tryParse"/> reads; anything else is an error that says what it takes.</summary>
    private static Option<T> Create<T>(string name, T defaultValue, string helpName, string description, string what, TryParse<T> tryParse) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => Read(result, defaultValue, what, tryParse),
        Arity = ArgumentArity.ExactlyOne,
    };

    private static T Read<T>(ArgumentResult result, T fallback, string what, TryParse<T> tryParse)
    {
        var token = string.Join(' ', result.Tokens.Select(t => t.Value));
        if (tryParse(token, out var value))
        {
            return value;
        }

        result.AddError($"{OptionName(result)} takes {what}, not '{token}'.");
        return fallback;
    }

    private static string OptionName(ArgumentResult result) => (result.Parent as OptionResult)?.Option.Name ?? result.Argument.Name;

    private static bool TryParseInt(string token, out int value) =>
        int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    private static bool TryParseDouble(string token, out double value) =>
        double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}

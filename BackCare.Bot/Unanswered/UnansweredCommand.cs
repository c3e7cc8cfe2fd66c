using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace BackCare.Bot.Unanswered;

/// <summary>
/// <c>dotnet run --project BackCare.Bot -- unanswered [--top N]</c>: prints the texts the bot most often could
/// not answer over the kept days, from the storage the settings name, for the content editors. Runs instead of
/// the bot (no web server, no background services). Its command line is read with System.CommandLine, as the
/// load test's and the benchmarks' are; the host's own arguments (--Storage:Kind=…) pass by it.
/// </summary>
public static class UnansweredCommand
{
    public const string Name = "unanswered";

    public const int DefaultTop = 20;

    public static bool IsRequested(IReadOnlyList<string> args) => args is [Name, ..];

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var topOption = new Option<int>("--top", "-n")
        {
            Description = "How many texts to print, from 1 to 1000.",
            DefaultValueFactory = _ => DefaultTop,
            CustomParser = result =>
            {
                var token = string.Join(' ', result.Tokens.Select(t => t.Value));
                if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var top) && top is >= 1 and <= 1000)
                {
                    return top;
                }

                result.AddError($"--top takes a whole number from 1 to 1000, not '{token}'.");
                return DefaultTop;
            },
        };
        var verb = new Command(Name, "Prints the texts the bot most often could not answer, most frequent first.") { TreatUnmatchedTokensAsErrors = false };
        verb.Add(topOption);
        var parse = new RootCommand { Subcommands = { verb }, TreatUnmatchedTokensAsErrors = false }.Parse(args);
        if (parse.Action is HelpAction)
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output }, cancellationToken).ConfigureAwait(false);
        }

        if (parse.Errors.Count > 0)
        {
            await output.WriteLineAsync($"Usage: {Name} [--top N], N from 1 to 1000 (default {DefaultTop}).").ConfigureAwait(false);
            await output.WriteLineAsync(string.Join(Environment.NewLine, parse.Errors.Select(e => e.Message))).ConfigureAwait(false);
            return 2;
        }

        var top = parse.GetRequiredValue(topOption);

        var store = services.GetRequiredService<UnansweredStore>();
        var days = services.GetRequiredService<IOptions<UnansweredOptions>>().Value.RetentionDays;
        var questions = await store.TopAsync(top, cancellationToken).ConfigureAwait(false);
        await WriteAsync(output, questions, days).ConfigureAwait(false);
        return 0;
    }

    public static async Task WriteAsync(TextWriter output, IReadOnlyList<UnansweredQuestion> questions, int days)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(questions);
        if (questions.Count == 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"No unanswered messages in the last {days} days.")).ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Unanswered messages, last {days} days, most frequent first:")).ConfigureAwait(false);
        await output.WriteLineAsync(" rank  total  fallback  did-you-mean  text").ConfigureAwait(false);
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{i + 1,5}  {q.Total,5}  {q.Fallbacks,8}  {q.DidYouMeans,12}  {q.Text}")).ConfigureAwait(false);
        }
    }
}

using System.Globalization;
using Microsoft.Extensions.Options;

namespace BackCare.Bot.Unanswered;

/// <summary>
/// <c>dotnet run --project BackCare.Bot -- unanswered [--top N]</c>: prints the texts the bot most often could
/// not answer over the kept days, from the storage the settings name, for the content editors. Runs instead of
/// the bot (no web server, no background services).
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
        if (ParseTop(args) is not { } top)
        {
            await output.WriteLineAsync($"Usage: {Name} [--top N], N from 1 to 1000 (default {DefaultTop}).").ConfigureAwait(false);
            return 2;
        }

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

    private static int? ParseTop(IReadOnlyList<string> args)
    {
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] is "--top" or "-n")
            {
                return i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000 ? n : null;
            }
        }

        return DefaultTop;
    }
}

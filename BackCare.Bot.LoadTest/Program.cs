using System.Globalization;
using System.Runtime.InteropServices;
using BackCare.Bot.TestSupport;

namespace BackCare.Bot.LoadTest;

/// <summary>
/// The entry point. A named class rather than top-level statements: the tests see this assembly's
/// internals, and a second global Program would clash with the bot's.
/// </summary>
internal static class LoadTestProgram
{
    public static async Task<int> Main(string[] args)
    {
        // The same executable is the echo baseline bot, started by the load test as a child process: what follows
        // the verb is the web host's (--urls, settings), not this program's command line.
        if (args is [EchoBotHost.Command, ..])
        {
            await EchoBotHost.RunAsync(args[1..]).ConfigureAwait(false);
            return 0;
        }

        // What each part of the reply path costs, in this process (reply-cost): how the reuse was chosen.
        var commandLine = new LoadTestCommandLine(RunAsync, cancellationToken => ReplyCostProbe.RunAsync(Console.Out, cancellationToken));
        return await ToolCommandLine.RunAsync(commandLine.Root, args).ConfigureAwait(false);
    }

    /// <summary>A load generator, not a test: it prints figures and says whether the run was clean.</summary>
    private static async Task<int> RunAsync(LoadTestOptions options, CancellationToken cancellationToken)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Console.CancelKeyPress += (_, e) =>
        {
            // Stop the users and the child bots cleanly rather than leave the bots running.
            e.Cancel = true;
            cancellation.Cancel();
        };

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BackCare.Bot load test: {options.Users} users, {options.Rounds} rounds of {options.Seconds:0.#} s per lane, script {options.ScriptName}, modes {string.Join(" and ", options.Modes)}{(options.Before ? ", with BackCare-before" : string.Empty)}; {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}"));
        Console.WriteLine(options.SendPacing
            ? "BackCare paces its sends to Teams' per-conversation limits (--bot-setting BackCare:SendPacing=true): turns wait for them."
            : "BackCare's send pacing is off (BackCare:SendPacing=false): each user sends far faster than Teams allows one conversation, and this measures the bot's cost.");

        try
        {
            var report = await new LoadRunner(options, Console.Out).RunAsync(cancellation.Token).ConfigureAwait(false);
            report.Print(Console.Out);
            return report.Passed ? 0 : 1;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Cancelled.").ConfigureAwait(false);
            return 130;
        }
    }
}

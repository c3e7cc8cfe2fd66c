using System.Diagnostics;
using System.Globalization;

namespace BackCare.Bot.Benchmarks;

/// <summary>
/// One person chatting: its own conversation, going round the script back to back (no think time,
/// so the figures are the bot's capacity, not a realistic arrival rate) until the run ends. Turns
/// that start before <c>measureFrom</c> are warm-up and are not recorded.
/// </summary>
internal sealed class VirtualUser(int index, IReadOnlyList<TurnDriver> drivers, ConversationScript script)
{
    private const int MaxErrorSamples = 5;

    private readonly string _conversationPrefix = $"bench-conversation-{index}";
    private readonly string _userId = $"bench-user-{index}";
    private long _sequence;

    /// <summary>Latencies of the measured turns, in Stopwatch ticks.</summary>
    public List<long> Latencies { get; } = new(4096);

    /// <summary>The same latencies by script step, to show which kind of turn costs what.</summary>
    public List<long>[] LatenciesByStep { get; } = script.Steps.Select(_ => new List<long>(512)).ToArray();

    /// <summary>The step-card turns' latencies by the driver (bot) that ran them.</summary>
    public List<long>[] StepCardLatenciesByDriver { get; } = drivers.Select(_ => new List<long>(1024)).ToArray();

    public int Errors { get; private set; }

    public long Replies { get; private set; }

    public List<string> ErrorSamples { get; } = [];

    /// <summary>When this user's last measured turn finished (a Stopwatch timestamp).</summary>
    public long LastCompletion { get; private set; }

    public async Task RunAsync(long measureFrom, long stopAt, CancellationToken cancellationToken)
    {
        var steps = script.Steps;
        var stepIndex = 0;
        var round = 0;
        var conversationId = _conversationPrefix;
        var userId = _userId;
        var driver = drivers[0];
        var lane = 0;
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (stepIndex == 0)
            {
                // The bot welcomes once per conversation, so each round of the script (which begins with the
                // user joining) is a new conversation of the same, returning user.
                conversationId = string.Create(CultureInfo.InvariantCulture, $"{_conversationPrefix}-{++round}");
                userId = script.NewUserEachRound ? string.Create(CultureInfo.InvariantCulture, $"{_userId}-{round}") : _userId;

                // With several bots, each round goes to the next, offset by user, so that all run side by side all along.
                lane = (round + index) % drivers.Count;
                driver = drivers[lane];
            }

            // A fresh id on every turn: the dialog engine drops an id it has already seen (Teams' re-delivery guard).
            var activityId = string.Create(CultureInfo.InvariantCulture, $"{_userId}-{++_sequence}");
            var step = stepIndex;
            var result = await driver.RunTurnAsync(conversationId, userId, activityId, steps[step], cancellationToken).ConfigureAwait(false);
            stepIndex = (stepIndex + 1) % steps.Count;

            if (result.StartTimestamp < measureFrom)
            {
                continue;
            }

            Latencies.Add(result.ElapsedTicks);
            LatenciesByStep[step].Add(result.ElapsedTicks);
            if (steps[step].IsStepCard)
            {
                StepCardLatenciesByDriver[lane].Add(result.ElapsedTicks);
            }

            Replies += result.ReplyCount;
            LastCompletion = result.StartTimestamp + result.ElapsedTicks;
            if (!result.Succeeded)
            {
                Errors++;
                if (ErrorSamples.Count < MaxErrorSamples)
                {
                    ErrorSamples.Add(result.Error!);
                }
            }
        }
    }
}

namespace BackCare.Bot.LoadTest;

/// <summary>What one virtual user saw in one lane's round. Not shared between users, so nothing is locked.</summary>
internal sealed class TurnTally
{
    public const int MaxErrorSamples = 5;

    /// <summary>Latency of every turn, in Stopwatch ticks.</summary>
    public List<long> Latencies { get; } = new(2048);

    /// <summary>The same latencies by what the turn sent: a lane's figures mix joins, typed messages and buttons.</summary>
    public Dictionary<TurnKind, List<long>> LatenciesByKind { get; } = [];

    public int Errors { get; private set; }

    public List<string> ErrorSamples { get; } = [];

    /// <summary>Replies the script expected and did not get.</summary>
    public long Lost { get; set; }

    /// <summary>Replies beyond those the script expected, or arriving outside their turn.</summary>
    public long Extra { get; set; }

    /// <summary>Replies addressed to an activity other than the one they answer.</summary>
    public long Misaddressed { get; set; }

    /// <summary>Message replies received.</summary>
    public long Replies { get; set; }

    /// <summary>Scripted conversations run to their end.</summary>
    public int Iterations { get; set; }

    /// <summary>When the last turn finished (a Stopwatch timestamp).</summary>
    public long LastCompletion { get; set; }

    public void Record(TurnKind kind, long latency)
    {
        Latencies.Add(latency);
        if (!LatenciesByKind.TryGetValue(kind, out var list))
        {
            list = new List<long>(1024);
            LatenciesByKind[kind] = list;
        }

        list.Add(latency);
    }

    public void AddError(string error)
    {
        Errors++;
        if (ErrorSamples.Count < MaxErrorSamples)
        {
            ErrorSamples.Add(error);
        }
    }
}

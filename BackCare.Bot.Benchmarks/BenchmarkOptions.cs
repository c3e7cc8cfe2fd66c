namespace BackCare.Bot.Benchmarks;

/// <summary>
/// What the command line asked for (<see cref="BenchmarkCommandLine"/>): how many virtual users, for how long, after
/// how much warm-up, with which script, and whether to run a second bot without step pictures beside the first.
/// </summary>
internal sealed record BenchmarkOptions(int Users, double Seconds, double WarmupSeconds, string ChannelId, ConversationScript Script, bool ComparePictures = false)
{
    public static BenchmarkOptions Default { get; } = new(16, 10, 2, "emulator", ConversationScript.Menu);
}

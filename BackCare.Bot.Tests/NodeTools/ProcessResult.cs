namespace BackCare.Bot.Tests.NodeTools;

/// <summary>How a program run by <see cref="NpmFolder"/> ended: its exit code, and what it printed (stdout, then stderr).</summary>
public sealed record ProcessResult(int ExitCode, string Output);

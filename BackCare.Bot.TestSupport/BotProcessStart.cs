namespace BackCare.Bot.TestSupport;

/// <summary>What <see cref="BotProcess.StartAsync(BotProcessStart, CancellationToken)"/> runs, and how.</summary>
public sealed record BotProcessStart
{
    /// <summary>Names the process in messages and reports.</summary>
    public string Name { get; init; } = "BackCare.Bot";

    /// <summary>The assembly to run; null: <see cref="BotProcess.BotAssembly"/>.</summary>
    public string? Assembly { get; init; }

    /// <summary>Arguments that come first, such as a verb.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Configuration as "Key=Value", passed as --Key=Value after the defaults, so they can override them.</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];

    /// <summary>How many of its last console lines to keep; null keeps them all (a test that searches them).</summary>
    public int? OutputLinesKept { get; init; }
}

namespace BackCare.Bot.State;

/// <summary>
/// What is kept of a screening: the outcome, when, and which caution questions were answered yes
/// (so the left-out techniques can be named). Health data: nothing more than the bot needs.
/// </summary>
public sealed class ScreeningRecord
{
    public ScreeningOutcome Outcome { get; set; }

    public DateTimeOffset CompletedAt { get; set; }

    public List<string> CautionIds { get; set; } = [];
}

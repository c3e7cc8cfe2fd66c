namespace BackCare.Bot.State;

/// <summary>
/// What is kept of a screening: the outcome, when, which caution questions were answered yes (so the left-out
/// or adapted techniques and the warnings can be named) and whether the pain is long-standing (so the review
/// advice can be repeated). Health data: nothing more than the bot needs.
/// </summary>
public sealed class ScreeningRecord
{
    public ScreeningOutcome Outcome { get; set; }

    public DateTimeOffset CompletedAt { get; set; }

    public List<string> CautionIds { get; set; } = [];

    public bool LongStanding { get; set; }
}

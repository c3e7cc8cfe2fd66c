namespace BackCare.Bot.Dialogs;

/// <summary>
/// Where a screening is: the stage (a check, or the duration question), the follow-up being asked after a
/// "yes" (-1 while the check itself is asked), the cautions answered yes so far and whether the pain is long-standing.
/// </summary>
public sealed class ScreeningProgress
{
    public int Index { get; set; }

    public int FollowUp { get; set; } = -1;

    public List<string> CautionIds { get; set; } = [];

    public bool LongStanding { get; set; }
}

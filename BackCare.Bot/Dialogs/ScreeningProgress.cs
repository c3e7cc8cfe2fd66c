namespace BackCare.Bot.Dialogs;

/// <summary>Where a screening is: the next item to ask and the cautions answered yes so far.</summary>
public sealed class ScreeningProgress
{
    public int Index { get; set; }

    public List<string> CautionIds { get; set; } = [];
}

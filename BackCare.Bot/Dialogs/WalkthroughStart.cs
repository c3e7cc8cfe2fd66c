namespace BackCare.Bot.Dialogs;

/// <summary>What a walkthrough starts with: the technique, and the cautions that may call for an adapted form of it.</summary>
public sealed class WalkthroughStart
{
    public string TechniqueId { get; set; } = string.Empty;

    public List<string> CautionIds { get; set; } = [];
}

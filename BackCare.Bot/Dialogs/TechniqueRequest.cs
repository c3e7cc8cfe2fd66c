namespace BackCare.Bot.Dialogs;

/// <summary>How the technique flow was asked for: a particular technique, and whether to screen again regardless.</summary>
public sealed class TechniqueRequest
{
    public string? TechniqueId { get; set; }

    public bool Rescreen { get; set; }
}

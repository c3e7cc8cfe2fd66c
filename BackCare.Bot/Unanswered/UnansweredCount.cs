namespace BackCare.Bot.Unanswered;

/// <summary>How often one normalised text met the fallback and "did you mean" on one day.</summary>
public sealed class UnansweredCount
{
    public int Fallbacks { get; set; }

    public int DidYouMeans { get; set; }
}

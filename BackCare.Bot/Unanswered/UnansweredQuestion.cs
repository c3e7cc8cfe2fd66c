namespace BackCare.Bot.Unanswered;

/// <summary>One normalised text with its counts over the retention period, as the report lists it.</summary>
public sealed record UnansweredQuestion(string Text, int Fallbacks, int DidYouMeans)
{
    public int Total => Fallbacks + DidYouMeans;
}

namespace BackCare.Bot.Unanswered;

/// <summary>How the bot met a message it could not answer.</summary>
public enum UnansweredKind
{
    /// <summary>Outside what the bot knows: the fallback.</summary>
    Fallback,

    /// <summary>Unsure between answers: "did you mean".</summary>
    DidYouMean,
}

namespace BackCare.Bot.DialogEngine.Choices;

/// <summary>How a prompt shows its choices.</summary>
public enum ListStyle
{
    /// <summary>Pick by channel and number of choices.</summary>
    Auto,

    /// <summary>Do not show the choices.</summary>
    None,

    /// <summary>"A, B, or C" inside the prompt text.</summary>
    Inline,

    /// <summary>A numbered list under the prompt text.</summary>
    List,

    /// <summary>Buttons by the compose box.</summary>
    SuggestedAction,

    /// <summary>An Adaptive Card with one Action.Submit per choice.</summary>
    AdaptiveCard,
}

namespace BackCare.Bot.LoadTest;

/// <summary>What a turn sent, so that the report can give typed questions and card buttons their own latencies.</summary>
internal enum TurnKind
{
    /// <summary>A conversationUpdate: the user joins.</summary>
    Join,

    /// <summary>A typed message (or a suggested action, which Teams sends as the button's text).</summary>
    Text,

    /// <summary>An Adaptive Card's Action.Submit: a message with a Value and no text.</summary>
    Submit,
}

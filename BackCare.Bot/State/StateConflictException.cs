namespace BackCare.Bot.State;

/// <summary>Another turn (on this or another instance) saved the same state since this turn read it.</summary>
public sealed class StateConflictException(string key, Exception inner)
    : Exception("The state was changed by another turn since it was read.", inner)
{
    /// <summary>The storage key; kept out of the message, which is logged, because keys name conversations and users.</summary>
    public string Key { get; } = key;
}

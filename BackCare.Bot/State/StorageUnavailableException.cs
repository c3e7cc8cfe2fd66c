namespace BackCare.Bot.State;

/// <summary>The state storage failed (down, unreachable, refusing): the turn could not load or save.</summary>
public sealed class StorageUnavailableException(string operation, Exception inner)
    : Exception($"The state storage failed to {operation}: {inner.Message}", inner);

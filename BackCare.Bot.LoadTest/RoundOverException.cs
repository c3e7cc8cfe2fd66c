namespace BackCare.Bot.LoadTest;

/// <summary>Thrown instead of starting a turn once the round's time is up: the user stops mid-conversation.</summary>
internal sealed class RoundOverException() : Exception("The round is over.");

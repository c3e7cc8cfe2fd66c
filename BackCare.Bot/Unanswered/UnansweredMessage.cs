namespace BackCare.Bot.Unanswered;

/// <summary>A message the router could not answer in one turn, as typed; normalised before anything is kept.</summary>
public sealed record UnansweredMessage(string Text, UnansweredKind Kind);

namespace BackCare.Bot.Pictures;

/// <summary>poses.json as a whole: its "$schema" (for editors, dropped on reading) and the step pictures of every technique and adaptation.</summary>
internal sealed record PoseList(IReadOnlyList<TechniquePoses> Poses);

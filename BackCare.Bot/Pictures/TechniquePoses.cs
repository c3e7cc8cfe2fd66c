namespace BackCare.Bot.Pictures;

/// <summary>The pictures of one technique's steps, in step order; with <see cref="ForCaution"/>, those of its adaptation for that caution.</summary>
public sealed record TechniquePoses(string Technique, IReadOnlyList<StepPose> Steps, string? ForCaution = null);

namespace BackCare.Bot.Pictures;

/// <summary>A prop in a step picture; what <see cref="At"/> and <see cref="Size"/> mean depends on <see cref="Kind"/>.</summary>
public sealed record PoseProp(PropKind Kind, PosePoint At, PosePoint Size);

namespace BackCare.Bot.Content;

/// <summary>A technique's form for someone with a caution (child's pose, wide-knee and supported, in pregnancy).</summary>
public sealed record TechniqueAdaptation(string ForCaution, string Name, string Summary, IReadOnlyList<string> Equipment, IReadOnlyList<TechniqueStep> Steps);

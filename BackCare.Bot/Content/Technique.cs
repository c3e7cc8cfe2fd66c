namespace BackCare.Bot.Content;

/// <summary>A self-care technique the bot can walk someone through, step by step.</summary>
public sealed record Technique(
    string Id,
    string Name,
    string Summary,
    string WhereAndWhen,
    IReadOnlyList<string> Equipment,
    IReadOnlyList<TechniqueStep> Steps,
    IReadOnlyList<string> Cautions,
    IReadOnlyList<string> Tags)
{
    /// <summary>The routing id, "technique:" + <see cref="Id"/>.</summary>
    public string RoutingId => "technique:" + Id;
}

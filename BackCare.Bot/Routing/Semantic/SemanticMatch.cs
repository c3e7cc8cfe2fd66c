namespace BackCare.Bot.Routing.Semantic;

/// <summary>One routing id's nearest example phrasing and its cosine similarity (-1..1) to the message.</summary>
public sealed record SemanticMatch(string Intent, double Similarity, string Example);

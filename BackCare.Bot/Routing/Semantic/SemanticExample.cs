namespace BackCare.Bot.Routing.Semantic;

/// <summary>One example phrasing of examples.json and the routing id it stands for.</summary>
public sealed record SemanticExample(string Intent, string Text);

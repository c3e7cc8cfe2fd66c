namespace BackCare.Bot.Routing.Semantic;

/// <summary>
/// One routing id's nearest example phrasing and its cosine similarity (-1..1) to the message; and
/// <see cref="Confidence"/>, the id's score by the classifier learned from all the examples (about 0..1).
/// </summary>
public sealed record SemanticMatch(string Intent, double Similarity, string Example)
{
    /// <summary>The <see cref="RidgeClassifier"/>'s score for the id: how likely the id is, read from every example at once.</summary>
    public double Confidence { get; init; }
}

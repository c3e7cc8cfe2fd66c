namespace BackCare.Bot.Routing;

/// <summary>Which part of the router decided, as the KeywordRouter trace reports it.</summary>
public enum RoutingLayer
{
    /// <summary>The red-flag rules: an emergency, or a sign that calls for a doctor first.</summary>
    Safety,

    /// <summary>The weighted keywords and phrases of routing.json.</summary>
    Keyword,

    /// <summary>Nearest example phrasings (examples.json), for wording the keywords do not cover.</summary>
    Semantic,
}

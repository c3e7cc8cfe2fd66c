using BackCare.Bot.Routing;
using BackCare.Bot.Routing.Semantic;

namespace BackCare.Bot.Tests.Routing;

/// <summary>The shipped routing.json, loaded once: the router is immutable and thread-safe, so tests share it.</summary>
public static class SharedRouter
{
    private static readonly Lazy<KeywordRouter> Instance = new(KeywordRouter.LoadDefault);

    private static readonly Lazy<MessageRouter> Whole = new(() => new MessageRouter(Instance.Value, SharedSemanticMatcher.Default));

    public static KeywordRouter Default => Instance.Value;

    /// <summary>The whole router as the bot runs it: red-flag rules, keywords and the semantic layer.</summary>
    public static MessageRouter Message => Whole.Value;
}

using BackCare.Bot.Routing;

namespace BackCare.Bot.Tests.Routing;

/// <summary>The shipped routing.json, loaded once: the router is immutable and thread-safe, so tests share it.</summary>
public static class SharedRouter
{
    private static readonly Lazy<KeywordRouter> Instance = new(KeywordRouter.LoadDefault);

    public static KeywordRouter Default => Instance.Value;
}

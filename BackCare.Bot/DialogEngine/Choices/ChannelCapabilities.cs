namespace BackCare.Bot.DialogEngine.Choices;

/// <summary>What a channel can show, for choosing how to render choices.</summary>
public static class ChannelCapabilities
{
    // Teams shows at most three suggested actions; Web Chat, Direct Line and the Emulator take many.
    private static readonly Dictionary<string, int> SuggestedActionLimits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["msteams"] = 3,
        ["emulator"] = 100,
        ["webchat"] = 100,
        ["directline"] = 100,
        ["test"] = 100,
    };

    private static readonly HashSet<string> AdaptiveCardChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        "msteams", "emulator", "webchat", "directline", "test",
    };

    // Channels whose connector replaces a sent activity (PUT .../activities/{id}). Direct Line, Web Chat and the
    // Emulator (which shows Web Chat) do not: BotFramework-Emulator issues #1123 and #2440 are still open.
    private static readonly HashSet<string> ActivityUpdateChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        "msteams",
    };

    public static int MaxSuggestedActions(string? channelId) =>
        channelId is not null && SuggestedActionLimits.TryGetValue(channelId, out var limit) ? limit : 0;

    public static bool SupportsSuggestedActions(string? channelId, int buttonCount) =>
        buttonCount <= MaxSuggestedActions(channelId);

    public static bool SupportsAdaptiveCards(string? channelId) =>
        channelId is not null && AdaptiveCardChannels.Contains(channelId);

    public static bool SupportsActivityUpdates(string? channelId) =>
        channelId is not null && ActivityUpdateChannels.Contains(channelId);
}

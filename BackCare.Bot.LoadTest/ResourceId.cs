namespace BackCare.Bot.LoadTest;

/// <summary>The Bot Connector's answer to a sent activity (a ResourceResponse).</summary>
internal sealed record ResourceId(string Id);

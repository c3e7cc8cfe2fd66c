namespace BackCare.Bot.Hosting;

/// <summary>The reply path's setting in the "BackCare" section of appsettings.json.</summary>
public sealed class ReplyPathOptions
{
    public const string Section = BackCareOptions.Section;

    /// <summary>
    /// True (the default): connector clients are cached and reused across turns
    /// (<see cref="ReusingBotFrameworkAuthentication"/>). False: the SDK's own path, a new connector
    /// client for every turn; a way back should the reuse ever be suspected, and the "before" of the benchmark.
    /// </summary>
    public bool ReuseConnectorClients { get; set; } = true;
}

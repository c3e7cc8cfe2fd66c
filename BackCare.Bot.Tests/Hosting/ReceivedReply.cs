using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Hosting;

/// <summary>
/// One activity the bot POSTed to <see cref="FakeConnector"/> (or PUT, replacing the message <see cref="Id"/>:
/// <see cref="IsUpdate"/>), with where, how and when it came (time since the connector started) and the id the
/// connector gave it.
/// </summary>
public sealed record ReceivedReply(string ConversationId, string? ReplyToId, string ConnectionId, string UserAgent, JObject Activity, TimeSpan ReceivedAt, string Id, bool IsUpdate = false)
{
    public string? Type => (string?)Activity["type"];

    public string? Text => (string?)Activity["text"];
}

using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Hosting;

/// <summary>One activity the bot POSTed to <see cref="FakeConnector"/>, with where, how and when it came (time since the connector started).</summary>
public sealed record ReceivedReply(string ConversationId, string? ReplyToId, string ConnectionId, string UserAgent, JObject Activity, TimeSpan ReceivedAt)
{
    public string? Type => (string?)Activity["type"];

    public string? Text => (string?)Activity["text"];
}

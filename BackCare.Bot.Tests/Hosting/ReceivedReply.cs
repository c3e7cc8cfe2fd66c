using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Hosting;

/// <summary>One activity the bot POSTed to <see cref="FakeConnector"/>, with where and how it came.</summary>
public sealed record ReceivedReply(string ConversationId, string? ReplyToId, string ConnectionId, string UserAgent, JObject Activity)
{
    public string? Type => (string?)Activity["type"];

    public string? Text => (string?)Activity["text"];
}

using System.Text.Json.Nodes;

namespace BackCare.Bot.TestSupport;

/// <summary>
/// One activity the bot sent to <see cref="FakeConnector"/>: POSTed, or PUT to replace the message <see cref="Id"/>
/// (<see cref="IsUpdate"/>), with where, how and when it came (time since the connector started), the id the
/// connector gave it and what the connector answered (<see cref="Status"/>: 200, a refusal, or null when it never
/// answered).
/// </summary>
public sealed record ReceivedReply(
    string ConversationId,
    string? ReplyToId,
    string ConnectionId,
    string UserAgent,
    JsonObject Activity,
    TimeSpan ReceivedAt,
    string Id,
    bool IsUpdate = false,
    int? Status = 200)
{
    public string? Type => (string?)Activity["type"];

    public string? Text => (string?)Activity["text"];

    public bool Accepted => Status == 200;
}

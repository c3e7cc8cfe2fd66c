using System.Text.Json.Nodes;

namespace BackCare.Bot.LoadTest;

/// <summary>
/// One activity the bot sent, as a client sees it: its type and text, the first Adaptive Card's
/// content if any, the suggested actions' titles, and the activity it answers.
/// </summary>
internal sealed record Reply(string Type, string? Text, JsonNode? Card, IReadOnlyList<string> SuggestedActions, string? ReplyToId)
{
    public bool IsMessage => Type == "message";

    public static Reply From(JsonNode activity, string? replyToId = null)
    {
        var card = activity["attachments"]?.AsArray()
            .FirstOrDefault(a => (string?)a?["contentType"] == "application/vnd.microsoft.card.adaptive")?["content"];
        var suggested = activity["suggestedActions"]?["actions"]?.AsArray()
            .Select(a => (string?)a?["title"] ?? string.Empty)
            .ToArray() ?? [];
        return new Reply((string?)activity["type"] ?? string.Empty, (string?)activity["text"], card, suggested, replyToId ?? (string?)activity["replyToId"]);
    }

    /// <summary>The data of every Action.Submit in the card, wherever it sits (card actions or an ActionSet in the body).</summary>
    public IEnumerable<JsonObject> SubmitData()
    {
        return Card is null ? [] : Walk(Card);

        static IEnumerable<JsonObject> Walk(JsonNode node)
        {
            if (node is JsonArray array)
            {
                foreach (var item in array.OfType<JsonNode>().SelectMany(Walk))
                {
                    yield return item;
                }
            }
            else if (node is JsonObject obj)
            {
                if ((string?)obj["type"] == "Action.Submit" && obj["data"] is JsonObject data)
                {
                    yield return data;
                }

                foreach (var child in obj.Where(p => p.Key != "data" && p.Value is JsonObject or JsonArray).SelectMany(p => Walk(p.Value!)))
                {
                    yield return child;
                }
            }
        }
    }

    public override string ToString() =>
        Card is not null ? $"[card] {Text}".Trim() : Text ?? $"({Type})";
}

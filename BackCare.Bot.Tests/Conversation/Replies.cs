using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Conversation;

/// <summary>Reads what a user would see in a reply: its text (card text blocks included) and its buttons.</summary>
public static class Replies
{
    public static string Text(IActivity activity)
    {
        var message = activity.AsMessageActivity();
        if (message is null)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        if (!string.IsNullOrEmpty(message.Text))
        {
            parts.Add(message.Text);
        }

        foreach (var card in Cards(activity))
        {
            parts.AddRange(card.Descendants().OfType<JObject>()
                .Where(o => (string?)o["type"] == "TextBlock")
                .Select(o => (string?)o["text"] ?? string.Empty));
        }

        return string.Join("\n", parts);
    }

    public static string AllText(IEnumerable<IActivity> activities) => string.Join("\n", activities.Select(Text));

    public static IEnumerable<JObject> Cards(IActivity activity) =>
        activity.AsMessageActivity()?.Attachments?
            .Where(a => a.ContentType == "application/vnd.microsoft.card.adaptive")
            .Select(a => a.Content as JObject ?? JObject.FromObject(a.Content)) ?? [];

    public static IReadOnlyList<Button> Buttons(IActivity activity)
    {
        var buttons = new List<Button>();
        foreach (var card in Cards(activity))
        {
            buttons.AddRange(card.Descendants().OfType<JObject>()
                .Where(o => (string?)o["type"] == "Action.Submit")
                .Select(o => new Button((string)o["title"]!, (JObject)o["data"]!, null)));
        }

        foreach (var action in activity.AsMessageActivity()?.SuggestedActions?.Actions ?? [])
        {
            buttons.Add(new Button(action.Title, null, action.Value?.ToString()));
        }

        return buttons;
    }

    /// <summary>Whether the reply replaced an earlier message in place (recorded by <see cref="UpdateRecordingTestAdapter"/>).</summary>
    public static bool IsUpdate(IActivity activity) =>
        activity is Activity { Properties: { } properties } && properties.Value<bool?>(UpdateRecordingTestAdapter.UpdateMarker) == true;

    public static IActivity Last(IReadOnlyList<IActivity> replies) =>
        replies.LastOrDefault(r => r.Type == ActivityTypes.Message) ?? throw new InvalidOperationException("No message replies.");
}

using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.DialogEngine.Choices;

/// <summary>Renders a question with its choices for a channel.</summary>
public static class ChoiceFactory
{
    /// <summary>The property of a card submit's data that carries the picked choice's value.</summary>
    public const string SubmitChoiceKey = "choice";

    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>A short list of words, one choice each.</summary>
    public static List<Choice> ToChoices(IEnumerable<string> values) => values.Select(v => new Choice(v)).ToList();

    /// <summary>Builds the prompt message for <paramref name="channelId"/> in the given (or automatic) style.</summary>
    public static IMessageActivity ForChannel(string? channelId, IList<Choice> choices, string? text, ListStyle style = ListStyle.Auto)
    {
        if (style == ListStyle.Auto)
        {
            style = ChooseStyle(channelId, choices);
        }

        return style switch
        {
            ListStyle.None => MessageFactory.Text(text ?? string.Empty),
            ListStyle.Inline => MessageFactory.Text(Inline(text, choices)),
            ListStyle.List => MessageFactory.Text(List(text, choices)),
            ListStyle.SuggestedAction => MessageFactory.SuggestedActions(choices.Select(ToImBack).ToList(), text, null, null),
            ListStyle.AdaptiveCard => AdaptiveCardMessage(text, choices),
            _ => throw new ArgumentOutOfRangeException(nameof(style), style, null),
        };
    }

    private static ListStyle ChooseStyle(string? channelId, IList<Choice> choices)
    {
        if (choices.Count == 0)
        {
            return ListStyle.None;
        }

        if (ChannelCapabilities.SupportsSuggestedActions(channelId, choices.Count))
        {
            return ListStyle.SuggestedAction;
        }

        return ChannelCapabilities.SupportsAdaptiveCards(channelId) ? ListStyle.AdaptiveCard : ListStyle.List;
    }

    private static CardAction ToImBack(Choice choice) =>
        choice.Action ?? new CardAction(ActionTypes.ImBack, choice.Title, value: choice.Value);

    private static string Inline(string? text, IList<Choice> choices)
    {
        var titles = choices.Select(c => c.Title).ToList();
        var joined = titles.Count switch
        {
            0 => string.Empty,
            1 => titles[0],
            2 => $"{titles[0]} or {titles[1]}",
            _ => string.Join(", ", titles.Take(titles.Count - 1)) + ", or " + titles[^1],
        };
        return string.IsNullOrWhiteSpace(text) ? joined : $"{text} {joined}";
    }

    private static string List(string? text, IList<Choice> choices)
    {
        var builder = new StringBuilder(text);
        for (var i = 0; i < choices.Count; i++)
        {
            builder.Append("\n\n").Append(i + 1).Append(". ").Append(choices[i].Title);
        }

        return builder.ToString();
    }

    private static IMessageActivity AdaptiveCardMessage(string? text, IList<Choice> choices)
    {
        var body = new JArray();
        if (!string.IsNullOrWhiteSpace(text))
        {
            body.Add(new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true });
        }

        var actions = new JArray(choices.Select(c => new JObject
        {
            ["type"] = "Action.Submit",
            ["title"] = c.Title,
            ["data"] = new JObject { [SubmitChoiceKey] = c.Value },
        }));

        // Buttons go in an ActionSet so that long lists wrap instead of hiding behind an overflow menu.
        body.Add(new JObject { ["type"] = "ActionSet", ["actions"] = actions });
        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };

        var message = MessageFactory.Attachment(new Attachment(AdaptiveCardContentType, content: card));
        message.Text = null;
        return message;
    }
}

using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Reliability;

/// <summary>One thing a user (or their client) can send: typed text, a card submit, or a non-message activity.</summary>
public sealed record UserEvent(string Kind, string? Text, JToken? Value)
{
    public bool IsMessage => Kind is "text" or "submit";

    public Activity ToActivity(Microsoft.Bot.Builder.Adapters.TestAdapter adapter)
    {
        var activity = adapter.MakeActivity(Kind == "text" ? Text : null);
        switch (Kind)
        {
            case "submit":
                activity.Text = null;
                activity.Value = Value;
                break;
            case "text":
                break;
            default:
                activity.Type = Kind;
                activity.Text = null;
                if (Kind == ActivityTypes.ConversationUpdate)
                {
                    activity.MembersAdded = [activity.From];
                }

                break;
        }

        return activity;
    }

    public override string ToString() => Kind switch
    {
        "text" => $"say \"{(Text!.Length > 40 ? Text[..40] + "…" : Text)}\"",
        "submit" => $"submit {Value?.ToString(Newtonsoft.Json.Formatting.None)}",
        _ => Kind,
    };
}

using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Dialogs;

/// <summary>Reads a card submit's data defensively: any client can send any JSON as Value.</summary>
public static class SubmitData
{
    /// <summary>The string at <paramref name="key"/>, or null when it is missing or not a string.</summary>
    public static string? StringOf(JObject data, string key) =>
        data[key] is JValue { Type: JTokenType.String } value ? (string?)value : null;
}

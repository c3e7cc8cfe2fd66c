using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace BackCare.Bot.Hosting;

/// <summary>
/// Says what is wrong with an incoming activity that the SDK would otherwise turn into a 500 or a
/// failed turn (no serviceUrl, no conversation, no sender). Null when the activity can be processed.
/// </summary>
public static class ActivityRequestCheck
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings { MaxDepth = 64 });

    /// <summary>Reads the request body as an activity; null when it is not JSON of an activity's shape.</summary>
    public static async Task<Activity?> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var json = new JsonTextReader(new StringReader(text));
            return Serializer.Deserialize<Activity>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? Problem(Activity? activity)
    {
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The body is not an activity: it needs at least a type.";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttp && serviceUrl.Scheme != Uri.UriSchemeHttps))
        {
            return "The activity needs an absolute http(s) serviceUrl.";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity needs conversation.id.";
        }

        if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return "The activity needs from.id.";
        }

        return string.IsNullOrWhiteSpace(activity.ChannelId) ? "The activity needs channelId." : null;
    }
}

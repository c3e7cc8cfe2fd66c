using Newtonsoft.Json;

namespace BackCare.Bot.Hosting;

/// <summary>
/// Says what is wrong with an incoming activity that the SDK would otherwise turn into a 500 or a
/// failed turn (no serviceUrl, no conversation, no sender). Null when the activity can be processed.
/// Only the few fields it checks are materialised: the SDK's adapter reads the whole activity afterwards.
/// </summary>
public static class ActivityRequestCheck
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings { MaxDepth = 64 });

    /// <summary>Reads the request body and says what is wrong with it, or null when the SDK can process it.</summary>
    public static async Task<string?> ProblemAsync(Stream body, CancellationToken cancellationToken)
    {
        // Read asynchronously (ASP.NET Core forbids synchronous body reads), then parse the text.
        using var reader = new StreamReader(body, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        Envelope? activity;
        try
        {
            using var json = new JsonTextReader(new StringReader(text));
            activity = Serializer.Deserialize<Envelope>(json);
        }
        catch (JsonException)
        {
            activity = null;
        }

        return Problem(activity);
    }

    private static string? Problem(Envelope? activity)
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

    /// <summary>The fields of an activity this check needs; the rest of the JSON is skipped.</summary>
    private sealed class Envelope
    {
        public string? Type { get; set; }

        public string? ServiceUrl { get; set; }

        public string? ChannelId { get; set; }

        public Account? Conversation { get; set; }

        public Account? From { get; set; }
    }

    private sealed class Account
    {
        public string? Id { get; set; }
    }
}

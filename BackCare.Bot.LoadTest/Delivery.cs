namespace BackCare.Bot.LoadTest;

/// <summary>How the bot returns its replies.</summary>
internal enum Delivery
{
    /// <summary>"deliveryMode": "expectReplies": in the body of the response to the POST.</summary>
    ExpectReplies,

    /// <summary>The default, Teams' and the Emulator's: POSTed to {serviceUrl}/v3/conversations/{id}/activities/{replyToId}.</summary>
    Normal,
}

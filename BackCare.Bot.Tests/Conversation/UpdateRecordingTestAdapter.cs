using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Conversation;

/// <summary>
/// The SDK's TestAdapter, except that an updated activity is also put in the reply queue (a copy, marked as an update,
/// keeping the id of the message it replaces). TestAdapter only replaces replies still in its queue, and the harness
/// drains the queue every turn, so without this a card changed in place would vanish from a test's view.
/// Every message sent or updated is also checked for a local help token left unfilled ("[["), which would reach a
/// user as written: so every conversation test checks it.
/// </summary>
public sealed class UpdateRecordingTestAdapter(ConversationReference reference, bool sendTraceActivity)
    : TestAdapter(reference, sendTraceActivity)
{
    /// <summary>The property that marks a reply as the new content of an earlier message.</summary>
    public const string UpdateMarker = "test.updatedInPlace";

    /// <summary>When set, updates throw what this makes: <see cref="Refused"/>, a connector that never answers, ...</summary>
    public Func<Exception>? UpdateFailure { get; set; }

    /// <summary>What the connector throws when Teams refuses an update (the message deleted, or too old to change).</summary>
    public static Exception Refused() => new ErrorResponseException("Operation returned an invalid status code 'NotFound'");

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        foreach (var activity in activities)
        {
            RequireNoLocalHelpToken(activity);
        }

        return base.SendActivitiesAsync(turnContext, activities, cancellationToken);
    }

    public override async Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activity.Id, "activity.Id");
        RequireNoLocalHelpToken(activity);
        if (UpdateFailure is { } failure)
        {
            throw failure();
        }

        var update = JsonConvert.DeserializeObject<Activity>(JsonConvert.SerializeObject(activity))!;
        update.Properties[UpdateMarker] = true;
        await base.SendActivitiesAsync(turnContext, [update], cancellationToken).ConfigureAwait(false);
        return new ResourceResponse(activity.Id);
    }

    /// <summary>Fails the turn if any string of a message (text, speech, buttons, card content) still has "[[".</summary>
    public static void RequireNoLocalHelpToken(Activity activity)
    {
        if (activity.Type == ActivityTypes.Trace)
        {
            return;
        }

        var json = JObject.FromObject(activity);
        var unfilled = json.Descendants().OfType<JValue>().FirstOrDefault(v => v.Value is string text && text.Contains("[[", StringComparison.Ordinal));
        if (unfilled is not null)
        {
            throw new InvalidOperationException($"A local help token reached the user unfilled at {unfilled.Path}: {unfilled.Value}");
        }
    }
}

using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Rest;

namespace BackCare.Bot.Tests.Reminders;

/// <summary>
/// A Bot Framework adapter whose connector answers every send with <see cref="FailWith"/> (an
/// ErrorResponseException, as the SDK's connector client throws), or records the send when it is null. Its turn error
/// handler counts its calls, so a test can tell that a failed proactive send never reached it.
/// </summary>
public sealed class FailingSendAdapter : BotAdapter
{
    public FailingSendAdapter()
    {
        OnTurnError = (_, _) =>
        {
            Interlocked.Increment(ref _errorHandlerCalls);
            return Task.CompletedTask;
        };
    }

    private int _errorHandlerCalls;

    public HttpStatusCode? FailWith { get; set; } = HttpStatusCode.Forbidden;

    public int ErrorHandlerCalls => Volatile.Read(ref _errorHandlerCalls);

    /// <summary>Every activity the connector was asked to send, whether or not it failed.</summary>
    public List<Activity> Attempted { get; } = [];

    /// <summary>The activities the connector took.</summary>
    public List<Activity> Delivered { get; } = [];

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        lock (Attempted)
        {
            Attempted.AddRange(activities);
            if (FailWith is { } status)
            {
                throw new ErrorResponseException($"Operation returned an invalid status code '{status}'")
                {
                    Response = new HttpResponseMessageWrapper(new HttpResponseMessage(status), string.Empty),
                    Body = new ErrorResponse(new Error(status == HttpStatusCode.NotFound ? "ConversationNotFound" : "ServiceError", "The connector said no.")),
                };
            }

            Delivered.AddRange(activities);
        }

        return Task.FromResult(activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N"))).ToArray());
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}

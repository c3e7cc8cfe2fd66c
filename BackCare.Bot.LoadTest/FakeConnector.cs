using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackCare.Bot.LoadTest;

/// <summary>
/// The Bot Connector, as far as a bot in normal delivery mode sees it: Kestrel on a loopback port
/// taking POST {serviceUrl}/v3/conversations/{id}/activities[/{replyToId}] and PUT .../activities/{activityId}
/// (a card updated in place, which the user sees as that turn's answer) and putting each in its
/// conversation's inbox. A reply for a conversation nobody is waiting on is counted as stray.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConversationInbox> _inboxes = new(StringComparer.Ordinal);
    private long _received;
    private long _stray;
    private long _updates;
    private long _nextId;

    private FakeConnector(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The serviceUrl to put in activities, with a trailing slash as channels send it.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Every activity received, since start.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Of those, how many were updates of an earlier message (PUT).</summary>
    public long Updates => Interlocked.Read(ref _updates);

    /// <summary>Activities for conversations nobody had open.</summary>
    public long Stray => Interlocked.Read(ref _stray);

    public static async Task<FakeConnector> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", (HttpRequest request, string conversationId, string replyToId) => connector.ReceiveAsync(request, conversationId, replyToId));
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpRequest request, string conversationId) => connector.ReceiveAsync(request, conversationId, null));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpRequest request, string conversationId, string activityId) => connector.ReceiveAsync(request, conversationId, null, activityId));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>Starts collecting the replies of <paramref name="conversationId"/>.</summary>
    public ConversationInbox Open(string conversationId)
    {
        var inbox = new ConversationInbox();
        _inboxes[conversationId] = inbox;
        return inbox;
    }

    /// <summary>Stops collecting them: anything arriving later is stray.</summary>
    public void Close(string conversationId) => _inboxes.TryRemove(conversationId, out _);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <param name="updatedId">The message an update replaces; its replyToId (the turn it answers) is then the body's.</param>
    private async Task<IResult> ReceiveAsync(HttpRequest request, string conversationId, string? replyToId, string? updatedId = null)
    {
        var activity = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
        Interlocked.Increment(ref _received);
        if (activity is null)
        {
            return Results.BadRequest();
        }

        if (_inboxes.TryGetValue(conversationId, out var inbox))
        {
            // The reply's address as the bot used it, not the activity's own field: that is what a channel routes by.
            inbox.Add(Reply.From(activity, replyToId));
        }
        else
        {
            Interlocked.Increment(ref _stray);
        }

        if (updatedId is not null)
        {
            Interlocked.Increment(ref _updates);
            return Results.Json(new ResourceId(updatedId));
        }

        // What the Bot Connector answers: a ResourceResponse with the new activity's id.
        return Results.Json(new ResourceId($"reply-{Interlocked.Increment(ref _nextId)}"));
    }
}

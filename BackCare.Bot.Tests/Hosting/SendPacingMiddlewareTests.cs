using BackCare.Bot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackCare.Bot.Tests.Hosting;

/// <summary>
/// The pacing middleware on the SDK's TestAdapter, with windows that slide only when the test slides them: what it
/// counts, what it leaves alone, and that a turn's sends wait for the window instead of bursting.
/// </summary>
public sealed class SendPacingMiddlewareTests : IDisposable
{
    private static readonly SendLimit Limit = new(7, TimeSpan.FromSeconds(1));

    /// <summary>A turn that should not wait fails after this rather than hang the run if it does.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private readonly ManualWindows _windows = new();
    private readonly SendPacer _pacer;

    public SendPacingMiddlewareTests()
    {
        _pacer = new SendPacer([Limit], _windows.Create);
    }

    public void Dispose() => _pacer.Dispose();

    [Fact]
    public async Task A_turn_sending_eight_messages_to_Teams_sends_seven_and_the_eighth_when_the_window_slides()
    {
        var adapter = Adapter(Channels.Msteams);
        var window = Window(adapter);

        var turn = adapter.ProcessActivityAsync(adapter.MakeActivity("hi"), SendMessagesAsync(8), CancellationToken.None);
        await window.Waiting;

        Assert.Equal(7, adapter.ActiveQueue.Count);
        Assert.False(turn.IsCompleted);

        window.Slide(1);
        await turn;

        Assert.Equal(Enumerable.Range(1, 8).Select(Text), adapter.ActiveQueue.Select(a => a.Text));
    }

    [Theory]
    [InlineData(Channels.Emulator)]
    [InlineData(Channels.Webchat)]
    [InlineData(Channels.Directline)]
    public async Task Other_channels_are_not_paced(string channelId)
    {
        var adapter = Adapter(channelId);

        await adapter.ProcessActivityAsync(adapter.MakeActivity("hi"), SendMessagesAsync(20), CancellationToken.None).WaitAsync(HangGuard);

        Assert.Equal(20, adapter.ActiveQueue.Count);
        Assert.Equal(0, Window(adapter).Used);
    }

    [Fact]
    public async Task ExpectReplies_turns_are_not_paced_since_their_replies_go_back_in_the_response()
    {
        var adapter = Adapter(Channels.Msteams);
        var activity = adapter.MakeActivity("hi");
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        var replies = 0;

        await adapter.ProcessActivityAsync(activity, async (turnContext, cancellationToken) =>
        {
            await SendMessagesAsync(20)(turnContext, cancellationToken);
            replies = ((TurnContext)turnContext).BufferedReplyActivities.Count;
        }, CancellationToken.None).WaitAsync(HangGuard);

        Assert.Equal(20, replies);
        Assert.Equal(0, Window(adapter).Used);
    }

    [Fact]
    public async Task Traces_delays_and_invoke_responses_are_not_counted_since_they_never_reach_Teams()
    {
        var adapter = Adapter(Channels.Msteams);

        await adapter.ProcessActivityAsync(adapter.MakeActivity("hi"), async (turnContext, cancellationToken) =>
        {
            for (var i = 0; i < 10; i++)
            {
                await turnContext.SendActivityAsync(new Activity(ActivityTypes.Trace) { Name = "test", Label = "test" }, cancellationToken);
            }

            await turnContext.SendActivitiesAsync(
                [new Activity(ActivityTypesEx.Delay) { Value = 1 }, MessageFactory.Text("after a pause"), new Activity(ActivityTypesEx.InvokeResponse) { Value = new InvokeResponse { Status = 200 } }],
                cancellationToken);
        }, CancellationToken.None).WaitAsync(HangGuard);

        Assert.Equal(1, Window(adapter).Used);
        Assert.Equal(10, adapter.ActiveQueue.Count(a => a.Type == ActivityTypes.Trace));
        Assert.Equal("after a pause", Assert.Single(adapter.ActiveQueue, a => a.Type == ActivityTypes.Message).Text);
    }

    [Fact]
    public async Task A_batch_takes_a_permit_per_activity_and_one_longer_than_the_window_goes_out_as_permits_come()
    {
        var adapter = Adapter(Channels.Msteams);
        var window = Window(adapter);
        ResourceResponse[] responses = [];

        var turn = adapter.ProcessActivityAsync(adapter.MakeActivity("hi"), async (turnContext, cancellationToken) =>
        {
            responses = await turnContext.SendActivitiesAsync([.. Enumerable.Range(1, 10).Select(i => MessageFactory.Text(Text(i)))], cancellationToken);
        }, CancellationToken.None);
        await window.Waiting;

        Assert.Equal(7, adapter.ActiveQueue.Count);
        window.Slide(3);
        await turn;

        Assert.Equal(Enumerable.Range(1, 10).Select(Text), adapter.ActiveQueue.Select(a => a.Text));
        Assert.Equal(10, responses.Length);
        Assert.Equal(7, window.Used);
    }

    [Fact]
    public async Task Updating_and_deleting_a_sent_card_wait_for_the_window_too()
    {
        var adapter = Adapter(Channels.Msteams);
        var window = Window(adapter);
        var deleted = false;

        var turn = adapter.ProcessActivityAsync(adapter.MakeActivity("hi"), async (turnContext, cancellationToken) =>
        {
            var sent = await turnContext.SendActivityAsync("step 1", cancellationToken: cancellationToken);
            await SendMessagesAsync(6)(turnContext, cancellationToken);
            var update = MessageFactory.Text("step 2");
            update.Id = sent.Id;
            await turnContext.UpdateActivityAsync(update, cancellationToken);
            await turnContext.DeleteActivityAsync(sent.Id, cancellationToken);
            deleted = true;
        }, CancellationToken.None);
        await window.Waiting;

        Assert.Contains("step 1", adapter.ActiveQueue.Select(a => a.Text));
        window.Slide(1);
        Assert.False(deleted);
        window.Slide(1);
        await turn;

        Assert.True(deleted);
        Assert.Equal(7, window.Used);
    }

    [Fact]
    public async Task Cancelling_the_turn_ends_a_send_waiting_for_the_window()
    {
        var adapter = Adapter(Channels.Msteams);
        var window = Window(adapter);
        using var cancellation = new CancellationTokenSource();

        var turn = adapter.ProcessActivityAsync(adapter.MakeActivity("hi"), SendMessagesAsync(8), cancellation.Token);
        await window.Waiting;
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => turn);
        Assert.Equal(7, adapter.ActiveQueue.Count);
        Assert.Equal(7, window.Used);
    }

    [Fact]
    public async Task Once_the_pacer_is_disposed_as_the_host_stops_a_send_still_goes_out()
    {
        var adapter = Adapter(Channels.Msteams);
        _pacer.Dispose();

        await adapter.ProcessActivityAsync(adapter.MakeActivity("hi"), SendMessagesAsync(1), CancellationToken.None).WaitAsync(HangGuard);

        Assert.Equal([Text(1)], adapter.ActiveQueue.Select(a => a.Text));
    }

    private TestAdapter Adapter(string channelId)
    {
        var adapter = new TestAdapter(channelId, sendTraceActivity: true);
        adapter.Use(new SendPacingMiddleware(_pacer, NullLogger<SendPacingMiddleware>.Instance));
        return adapter;
    }

    private ManualWindow Window(TestAdapter adapter) => _windows[adapter.Conversation.Conversation.Id, Limit];

    private static BotCallbackHandler SendMessagesAsync(int count) => async (turnContext, cancellationToken) =>
    {
        for (var i = 1; i <= count; i++)
        {
            await turnContext.SendActivityAsync(Text(i), cancellationToken: cancellationToken);
        }
    };

    private static string Text(int i) => $"message {i}";
}

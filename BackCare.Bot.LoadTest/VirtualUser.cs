using System.Globalization;
using BackCare.Bot.TestSupport;

namespace BackCare.Bot.LoadTest;

/// <summary>
/// One person chatting, back to back with no think time (the figures are the bot's capacity, not a
/// realistic arrival rate): conversation after conversation, each as a new user, since a user who has
/// been screened skips the screening for 24 hours.
/// </summary>
internal sealed class VirtualUser(int index, HttpClient http, FakeConnector connector, string runId, string channelId)
{
    private static readonly TimeSpan ErrorPause = TimeSpan.FromMilliseconds(100);

    private int _iteration;

    public async Task<TurnTally> RunAsync(Lane lane, string phase, long stopAt, CancellationToken cancellationToken)
    {
        var tally = new TurnTally();
        while (!cancellationToken.IsCancellationRequested)
        {
            var iteration = _iteration++;
            var id = string.Create(CultureInfo.InvariantCulture, $"{runId}-{lane.Key}-{phase}-u{index}-c{iteration}");
            var inbox = connector.Open(id);
            var failed = false;
            var conversation = new Conversation(http, lane, channelId, connector.ServiceUrl, inbox, tally, stopAt, id, "user-" + id);
            try
            {
                await lane.Script.RunAsync(conversation, iteration, cancellationToken).ConfigureAwait(false);
                tally.Iterations++;
            }
            catch (RoundOverException)
            {
                return tally;
            }
            catch (ScriptException exception)
            {
                tally.AddError(exception.Message);
                failed = true;
            }
            finally
            {
                conversation.CountLateReplies();
                connector.Close(id);
            }

            if (failed)
            {
                // A bot that refuses connections fails at once: pause rather than spin.
                await Task.Delay(ErrorPause, cancellationToken).ConfigureAwait(false);
            }
        }

        return tally;
    }
}

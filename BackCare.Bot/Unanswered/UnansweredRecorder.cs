using BackCare.Bot.Routing;
using Microsoft.Extensions.Options;

namespace BackCare.Bot.Unanswered;

/// <summary>
/// Keeps a turn's unanswered messages for the editors, unless the safety net read a health red flag in the
/// turn: those are never stored. Each text is also read again by the keyword rules' safety layer, so a red flag
/// that reached the fallback some other way is still left out. Counting never fails the user's turn.
/// </summary>
public sealed class UnansweredRecorder(UnansweredStore store, KeywordRouter keywords, IOptions<UnansweredOptions> options, ILogger<UnansweredRecorder> logger)
{
    public async Task RecordAsync(IReadOnlyList<UnansweredMessage> messages, bool safetyFlagged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (safetyFlagged || messages.Count == 0 || !options.Value.Enabled)
        {
            return;
        }

        var kept = messages.Where(m => !IsSafetySign(m.Text)).ToList();
        try
        {
            await store.RecordAsync(kept, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The type only: the message of a storage failure can name the key, and the text is the user's.
            logger.LogWarning("Could not count an unanswered message ({Error})", e.GetType().Name);
        }
    }

    private bool IsSafetySign(string text)
    {
        var route = keywords.Route(text);
        return route.Intent == RoutingIds.Urgent || route.Layer == RoutingLayer.Safety;
    }
}

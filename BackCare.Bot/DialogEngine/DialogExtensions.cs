using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.DialogEngine;

public static class DialogExtensions
{
    /// <summary>
    /// Runs <paramref name="dialog"/> as the conversation's root for this turn: continues the active
    /// dialog, or begins the root when the stack is empty. An activity whose id already ran against
    /// this stack is not run again. Saving state is the caller's job, at the end of the turn.
    /// </summary>
    public static async Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(accessor);

        var dialogSet = new DialogSet(accessor).Add(dialog);
        var dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);

        if (IsRedelivery(dc.State, turnContext.Activity))
        {
            return new DialogTurnResult(dc.Stack.Count == 0 ? DialogTurnStatus.Empty : DialogTurnStatus.Waiting);
        }

        var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.BeginDialogAsync(dialog.Id, null, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// Whether this activity's id already ran against the conversation's dialog stack (a channel
    /// re-delivering it). Lets a bot skip a re-delivered turn entirely, welcome included.
    /// </summary>
    public static async Task<bool> HasAlreadyRunAsync(this IStatePropertyAccessor<DialogState> accessor, ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accessor);
        ArgumentNullException.ThrowIfNull(turnContext);
        var id = turnContext.Activity.Id;
        if (string.IsNullOrEmpty(id))
        {
            return false;
        }

        var state = await accessor.GetAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false);
        return state.RecentActivityIds.Contains(id, StringComparer.Ordinal);
    }

    /// <summary>Records the activity's id; true when it had already been recorded.</summary>
    private static bool IsRedelivery(DialogState state, IActivity activity)
    {
        if (string.IsNullOrEmpty(activity.Id))
        {
            return false;
        }

        if (state.RecentActivityIds.Contains(activity.Id, StringComparer.Ordinal))
        {
            return true;
        }

        state.RecentActivityIds.Add(activity.Id);
        if (state.RecentActivityIds.Count > DialogState.RecentActivityIdLimit)
        {
            state.RecentActivityIds.RemoveRange(0, state.RecentActivityIds.Count - DialogState.RecentActivityIdLimit);
        }

        return false;
    }
}

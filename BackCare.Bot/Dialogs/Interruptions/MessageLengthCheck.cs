using BackCare.Bot.CardRendering;
using BackCare.Bot.DialogEngine;
using BackCare.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace BackCare.Bot.Dialogs.Interruptions;

/// <summary>A message over the length limit is refused with the limit named; the waiting question stays.</summary>
public sealed class MessageLengthCheck(BackCareReplies replies, IOptions<BackCareOptions> options) : IInterruption
{
    public async Task<InterruptionResult> TryHandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxMessageLength;
        if (context.RawText.Length <= limit)
        {
            return InterruptionResult.Pass;
        }

        await context.Turn.SendActivityAsync(replies.Format(replies.Messages.TooLong, limit), cancellationToken).ConfigureAwait(false);
        return InterruptionResult.Handled(context.Dialogs.ActiveDialog is null ? ConversationMoves.Done : Dialog.EndOfTurn);
    }
}

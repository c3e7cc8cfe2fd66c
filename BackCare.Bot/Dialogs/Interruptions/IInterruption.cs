namespace BackCare.Bot.Dialogs.Interruptions;

/// <summary>
/// One thing the main dialog checks in every message before the active dialog sees it. The checks run in the
/// order <see cref="InterruptionPipeline"/> lists them; each takes the message, leaves it to the waiting dialog,
/// or passes it on to the next check.
/// </summary>
public interface IInterruption
{
    Task<InterruptionResult> TryHandleAsync(InterruptionContext context, CancellationToken cancellationToken);
}

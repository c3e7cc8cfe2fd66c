using Microsoft.Bot.Builder;

namespace BackCare.Bot.Tests.Http;

/// <summary>Wraps the real bot and throws mid-turn on the message "explode", to exercise the adapter's error handler.</summary>
public sealed class ExplodingBot(IBot inner) : IBot
{
    public const string Trigger = "explode";

    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        turnContext.Activity.Text == Trigger
            ? throw new InvalidOperationException("Simulated failure in the middle of a turn")
            : inner.OnTurnAsync(turnContext, cancellationToken);
}

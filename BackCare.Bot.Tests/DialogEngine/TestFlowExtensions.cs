using Microsoft.Bot.Builder.Adapters;

namespace BackCare.Bot.Tests.DialogEngine;

/// <summary>Steps TestFlow lacks: run a check between turns, in order with the rest of the flow.</summary>
public static class TestFlowExtensions
{
    public static TestFlow Do(this TestFlow flow, Action action) =>
        new(
            async () =>
            {
                await flow.StartTestAsync().ConfigureAwait(false);
                action();
            },
            flow);

    public static TestFlow Do(this TestFlow flow, Func<Task> action) =>
        new(
            async () =>
            {
                await flow.StartTestAsync().ConfigureAwait(false);
                await action().ConfigureAwait(false);
            },
            flow);
}

namespace BackCare.Bot.DialogEngine;

/// <summary>What a waterfall step sees: the dialog context plus the step's index, options, result and values.</summary>
public sealed class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _waterfall;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog waterfall, DialogContext dc, object? options, IDictionary<string, object?> values, int index, DialogReason reason, object? result)
        : base(dc.Dialogs, dc.Context, dc.State, dc.Parent)
    {
        _waterfall = waterfall;
        Options = options;
        Values = values;
        Index = index;
        Reason = reason;
        Result = result;
    }

    /// <summary>Zero-based index of the running step.</summary>
    public int Index { get; }

    /// <summary>The options the waterfall was begun with.</summary>
    public object? Options { get; }

    public DialogReason Reason { get; }

    /// <summary>What the previous step's prompt or child dialog returned.</summary>
    public object? Result { get; }

    /// <summary>Values kept across this waterfall's steps (saved with the conversation).</summary>
    public IDictionary<string, object?> Values { get; }

    /// <summary>Skips to the next step with <paramref name="result"/>. Once per step.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"WaterfallStepContext.NextAsync was called twice in step {Index} of '{_waterfall.Id}'.");
        }

        _nextCalled = true;
        return _waterfall.ResumeDialogAsync(this, DialogReason.NextCalled, result, cancellationToken);
    }
}

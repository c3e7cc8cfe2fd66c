namespace BackCare.Bot.DialogEngine;

/// <summary>A dialog that runs its steps in order; running past the last step ends it with the last result.</summary>
public class WaterfallDialog : Dialog
{
    private const string StepIndexKey = "stepIndex";
    private const string OptionsKey = "options";
    private const string ValuesKey = "values";

    private readonly List<WaterfallStep> _steps;

    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? steps = null)
        : base(dialogId)
    {
        _steps = steps?.ToList() ?? [];
    }

    public int StepCount => _steps.Count;

    public WaterfallDialog AddStep(WaterfallStep step)
    {
        _steps.Add(step ?? throw new ArgumentNullException(nameof(step)));
        return this;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var state = ActiveState(dc);
        state[OptionsKey] = options;
        state[ValuesKey] = new Dictionary<string, object?>();
        return await RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A waterfall step that returned EndOfTurn without a prompt gets the user's reply as its result.</summary>
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        var activity = dc.Context.Activity;
        if (activity.Type != Microsoft.Bot.Schema.ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var reply = string.IsNullOrEmpty(activity.Text) ? activity.Value : activity.Text;
        return await ResumeDialogAsync(dc, DialogReason.ContinueCalled, reply, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        var index = ActiveState(dc).GetValue(StepIndexKey, 0);
        return await RunStepAsync(dc, index + 1, reason, result, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

        var state = ActiveState(dc);
        state[StepIndexKey] = index;
        var values = StateValue.GetOrCreate<Dictionary<string, object?>>(state, ValuesKey);
        var stepContext = new WaterfallStepContext(this, dc, state.TryGetValue(OptionsKey, out var options) ? options : null, values, index, reason, result);
        return await _steps[index](stepContext, cancellationToken).ConfigureAwait(false);
    }

    private IDictionary<string, object?> ActiveState(DialogContext dc) =>
        dc.ActiveDialog?.State ?? throw new InvalidOperationException($"Waterfall '{Id}' ran without being on the dialog stack.");
}

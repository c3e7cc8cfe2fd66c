using Microsoft.Bot.Builder;

namespace BackCare.Bot.DialogEngine;

/// <summary>A collection of dialogs that can call each other, by id.</summary>
public sealed class DialogSet
{
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet(IStatePropertyAccessor<DialogState>? dialogState = null)
    {
        _dialogState = dialogState;
    }

    public IEnumerable<Dialog> Dialogs => _dialogs.Values;

    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (_dialogs.TryGetValue(dialog.Id, out var existing))
        {
            if (ReferenceEquals(existing, dialog))
            {
                return this;
            }

            throw new InvalidOperationException($"DialogSet already holds a different dialog with id '{dialog.Id}'.");
        }

        _dialogs.Add(dialog.Id, dialog);
        return this;
    }

    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    /// <summary>Loads the conversation's dialog stack and returns a context over it.</summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (_dialogState is null)
        {
            throw new InvalidOperationException("DialogSet was created without a state accessor, so it cannot load a dialog stack.");
        }

        var state = await _dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false);

        // A storage without type names gives the stack back as a JObject, and BotState then returns
        // a converted copy that it does not keep: set it back so this turn's changes are the ones saved.
        await _dialogState.SetAsync(turnContext, state, cancellationToken).ConfigureAwait(false);
        return new DialogContext(this, turnContext, state);
    }
}

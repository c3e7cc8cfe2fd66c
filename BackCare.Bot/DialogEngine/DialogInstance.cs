namespace BackCare.Bot.DialogEngine;

/// <summary>One entry of the dialog stack: which dialog, and its per-conversation state.</summary>
public sealed class DialogInstance
{
    public string Id { get; set; } = string.Empty;

    /// <summary>
    /// The dialog's own state. Dialogs are shared singletons, so everything per-conversation lives here.
    /// Values may come back from storage with other types (an int as a long, an object as a JObject):
    /// read them through <see cref="StateValue"/>.
    /// </summary>
    public IDictionary<string, object?> State { get; set; } = new Dictionary<string, object?>();
}

namespace BackCare.Bot.DialogEngine;

/// <summary>The persisted dialog stack of one conversation (or of one component's inner dialogs).</summary>
public sealed class DialogState
{
    /// <summary>How many recent activity ids are remembered to recognise a re-delivered activity.</summary>
    public const int RecentActivityIdLimit = 32;

    /// <summary>The stack, top first: index 0 is the active dialog.</summary>
    public List<DialogInstance> DialogStack { get; set; } = [];

    /// <summary>
    /// Ids of the activities that already ran against this stack. Teams re-sends an activity it got no
    /// 200 for within 15 seconds; this is how the same activity is kept from advancing a dialog twice.
    /// Saved with the stack, so a turn that failed (and was not saved) can still run again.
    /// </summary>
    public List<string> RecentActivityIds { get; set; } = [];
}

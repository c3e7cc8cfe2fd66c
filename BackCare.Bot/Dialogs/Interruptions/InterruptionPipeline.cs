using BackCare.Bot.DialogEngine;
using BackCare.Bot.DialogEngine.Choices;
using BackCare.Bot.State;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Dialogs.Interruptions;

/// <summary>
/// The checks every message passes before the active dialog sees it, in this order: red flags (the safety net,
/// wherever the user is, even in a message too long to take); length; the reply to a waiting safety question; privacy and re-screening; the emergency lock; pain during a technique;
/// typed commands; the command menu's commands; card buttons; a question "Ask a question" invited; the waiting
/// question's own answers; then the router. The first check that
/// takes a message ends the turn; one that leaves it to the dialog stops the rest.
/// </summary>
public sealed class InterruptionPipeline(
    MessageLengthCheck length,
    RedFlagCheck redFlags,
    SafetyQuestionAnswer safetyQuestion,
    PrivacyAndSafetyCommands privacyAndSafety,
    EmergencyLock emergencyLock,
    PainReport pain,
    TypedCommands commands,
    MenuCommands menuCommands,
    CardButtons buttons,
    InvitedQuestion invitedQuestion,
    WaitingDialogAnswer waitingDialog,
    RoutedMessage routed,
    BackCareState state)
{
    private readonly IInterruption[] _checks = [redFlags, length, safetyQuestion, privacyAndSafety, emergencyLock, pain, commands, menuCommands, buttons, invitedQuestion, waitingDialog, routed];

    /// <summary>The checks in the order they run.</summary>
    public IReadOnlyList<IInterruption> Checks => _checks;

    /// <summary>The turn's result when a check answered; null leaves the message to the active dialog.</summary>
    public async Task<DialogTurnResult?> RunAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var conversation = await state.GetConversationAsync(dc.Context, cancellationToken).ConfigureAwait(false);
        var pending = conversation.PendingClarification;
        conversation.PendingClarification = [];
        var questionInvited = conversation.QuestionInvited;
        conversation.QuestionInvited = false;

        var activity = dc.Context.Activity;
        var rawText = activity.Text?.Trim() ?? string.Empty;
        var context = new InterruptionContext
        {
            Dialogs = dc,
            Conversation = conversation,
            RawText = rawText,
            Text = ChoiceRecognizer.Normalize(rawText),
            Submit = rawText.Length == 0 ? activity.Value as JObject : null,
            PendingClarification = pending,
            QuestionInvited = questionInvited,
        };

        foreach (var check in _checks)
        {
            var result = await check.TryHandleAsync(context, cancellationToken).ConfigureAwait(false);
            if (result.Stops)
            {
                return result.Turn;
            }
        }

        return null;
    }
}

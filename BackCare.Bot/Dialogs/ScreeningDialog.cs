using System.Text;
using BackCare.Bot.CardRendering;
using BackCare.Bot.Content;
using BackCare.Bot.DialogEngine;
using BackCare.Bot.Hosting;
using BackCare.Bot.Recognition;
using BackCare.Bot.Reminders;
using BackCare.Bot.State;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace BackCare.Bot.Dialogs;

/// <summary>
/// The safety screening, one "does any of this apply to you?" check per level, most serious first, with the
/// duration question before the cautions: a person with none of the signs answers once per check. A "yes" to a
/// check asks its specific follow-ups one at a time: the first yes at an emergency, same-day or see-a-doctor level
/// ends the screening there; cautions and reasons for a routine check-up are all collected. The outcome is saved on
/// the user's profile and the dialog ends with the <see cref="ScreeningRecord"/> (null if the user gave up
/// answering a yes or no question). Pain longer than the duration limit, or a length still unread after the
/// retries (the safe side), adds review advice but never withholds gentle movement.
/// </summary>
public sealed class ScreeningDialog : ComponentDialog
{
    public const string DialogId = "screening";

    private const string LoopId = "screeningLoop";
    private const string YesNoPromptId = "screeningYesNo";
    private const string DurationPromptId = "screeningDuration";

    private readonly BackCareReplies _replies;
    private readonly BackCareState _state;
    private readonly TimeProvider _time;
    private readonly ReminderConversation _reminders;
    private readonly BackCareOptions _options;
    private readonly PainDurationParser _durations;

    /// <summary>The checks in asking order; null marks where the duration question goes.</summary>
    private readonly IReadOnlyList<ScreeningCheck?> _stages;

    public ScreeningDialog(BackCareReplies replies, BackCareState state, TimeProvider time, IOptions<BackCareOptions> options, ReminderConversation reminders)
        : base(DialogId)
    {
        _replies = replies;
        _state = state;
        _time = time;
        _reminders = reminders;
        _options = options.Value;
        _stages = OrderStages(replies.Knowledge.Screening);
        _durations = new PainDurationParser(replies.Knowledge.Screening.Duration.Vocabulary);

        AddDialog(new WaterfallDialog(LoopId, [AskAsync, EvaluateAsync]));
        AddDialog(new ConfirmPrompt(YesNoPromptId));
        AddDialog(new TextPrompt(DurationPromptId, ValidateDurationAsync));
        InitialDialogId = LoopId;
    }

    private ScreeningScript Script => _replies.Knowledge.Screening;

    private static List<ScreeningCheck?> OrderStages(ScreeningScript script)
    {
        var stages = new List<ScreeningCheck?>();
        foreach (var check in script.Checks)
        {
            if (check.Id == script.DurationBefore)
            {
                stages.Add(null);
            }

            stages.Add(check);
        }

        return stages;
    }

    /// <summary>How many answers a person with none of the signs gives: one per check, and the duration.</summary>
    public static int AnswersWhenClear(ScreeningScript script) => script.Checks.Count + 1;

    /// <summary>
    /// What a check asks: its question and hint, then each item of its list as its own "•" paragraph. Not a
    /// Markdown list: the yes/no question is a plain message, and clients that show it without Markdown (the
    /// Agents Playground runs the lines together) still show where each item starts.
    /// </summary>
    public static string CheckText(ScreeningCheck check)
    {
        var text = new StringBuilder(check.Text);
        if (!string.IsNullOrWhiteSpace(check.Hint))
        {
            text.Append(' ').Append(check.Hint);
        }

        foreach (var item in check.Items)
        {
            text.Append("\n\n• ").Append(item);
        }

        return text.ToString();
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var progress = StateValue.To<ScreeningProgress>(step.Options) ?? new ScreeningProgress();
        if (!IsWithinScript(progress))
        {
            // Saved by an earlier version of the screening (a redeploy changed its questions): start it again
            // rather than fail the turn or skip a question.
            progress = new ScreeningProgress();
        }

        step.Values["progress"] = progress;
        if (progress.Index == 0 && progress.FollowUp < 0)
        {
            await step.Context.SendActivityAsync(_replies.Text(Script.Introduction), cancellationToken).ConfigureAwait(false);
        }

        var check = _stages[progress.Index];
        if (check is null)
        {
            return await step.PromptAsync(DurationPromptId, new PromptOptions
            {
                Prompt = (Microsoft.Bot.Schema.Activity)_replies.Text(Script.Duration.Text),
                RetryPrompt = (Microsoft.Bot.Schema.Activity)_replies.Text(Script.Duration.RetryText),

                // Said in place of the prompt's "let's leave that" when it gives up; EvaluateAsync then acts on it.
                TooManyAttemptsMessage = (Microsoft.Bot.Schema.Activity)_replies.Text(_replies.Messages.DurationSafeSide),
            }, cancellationToken).ConfigureAwait(false);
        }

        string text, question;
        if (progress.FollowUp < 0)
        {
            text = CheckText(check);
            question = check.Text;
        }
        else
        {
            var followUp = FollowUpOf(check, progress.FollowUp);
            text = string.IsNullOrWhiteSpace(followUp.Hint) ? followUp.Text : $"{followUp.Text}\n\n{followUp.Hint}";
            question = followUp.Text;
        }

        return await step.PromptAsync(YesNoPromptId, new PromptOptions
        {
            Prompt = (Microsoft.Bot.Schema.Activity)_replies.Text(text),
            RetryPrompt = (Microsoft.Bot.Schema.Activity)_replies.Text($"Please answer yes or no. {question}"),
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> EvaluateAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var progress = step.Values.GetValue<ScreeningProgress>("progress") ?? new ScreeningProgress();
        if (!IsWithinScript(progress))
        {
            return await step.ReplaceDialogAsync(LoopId, new ScreeningProgress(), cancellationToken).ConfigureAwait(false);
        }

        var check = _stages[progress.Index];

        if (check is null)
        {
            // No answer (the prompt gave up and has said the safe side is taken) counts as long-standing pain:
            // the review advice must not be lost because the length could not be read.
            // An honest "not sure" is read the same way: the advice is a review, which does no harm if the pain is new.
            var answer = step.Result as string;
            progress.LongStanding = answer is null
                || _durations.IsUnsure(answer)
                || _durations.Read(answer, LocalNow(step.Context))?.IsLongerThan(Script.Duration.SeeDoctorAfterDays) == true;
            return await NextStageAsync(step, progress, cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is null)
        {
            // The yes/no prompt gave up after unclear answers (and said so): no outcome is recorded.
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var yes = step.Result is true;
        if (progress.FollowUp < 0)
        {
            if (!yes)
            {
                return await NextStageAsync(step, progress, cancellationToken).ConfigureAwait(false);
            }

            if (check.FollowUps.Count == 0)
            {
                return await FinishAtLevelAsync(step, progress, check.Level, null, cancellationToken).ConfigureAwait(false);
            }

            progress.FollowUp = 0;
            return await step.ReplaceDialogAsync(LoopId, progress, cancellationToken).ConfigureAwait(false);
        }

        var followUp = FollowUpOf(check, progress.FollowUp);
        if (yes)
        {
            if (followUp.Level.StopsScreening())
            {
                return await FinishAtLevelAsync(step, progress, followUp.Level, followUp, cancellationToken).ConfigureAwait(false);
            }

            progress.CautionIds.Add(followUp.Id);
        }

        if (progress.FollowUp + 1 < check.FollowUps.Count)
        {
            progress.FollowUp++;
            return await step.ReplaceDialogAsync(LoopId, progress, cancellationToken).ConfigureAwait(false);
        }

        // A "yes" to a check whose every follow-up was then "no" stays at the check's level where that stops the
        // screening (the person said something applies, so the safer answer stands); cautions simply carry on.
        if (check.Level.StopsScreening())
        {
            return await FinishAtLevelAsync(step, progress, check.Level, null, cancellationToken).ConfigureAwait(false);
        }

        return await NextStageAsync(step, progress, cancellationToken).ConfigureAwait(false);
    }

    private bool IsWithinScript(ScreeningProgress progress) =>
        progress.Index >= 0 && progress.Index < _stages.Count
        && (progress.FollowUp < 0 || (_stages[progress.Index] is { } check && progress.FollowUp < check.FollowUps.Count));

    private ScreeningQuestion FollowUpOf(ScreeningCheck check, int index) =>
        Script.FindQuestion(check.FollowUps[index])
            ?? throw new InvalidOperationException($"The screening check '{check.Id}' names a follow-up '{check.FollowUps[index]}' that is not in the content.");

    private async Task<DialogTurnResult> NextStageAsync(WaterfallStepContext step, ScreeningProgress progress, CancellationToken cancellationToken)
    {
        if (progress.Index + 1 < _stages.Count)
        {
            var next = new ScreeningProgress { Index = progress.Index + 1, CautionIds = progress.CautionIds, LongStanding = progress.LongStanding };
            return await step.ReplaceDialogAsync(LoopId, next, cancellationToken).ConfigureAwait(false);
        }

        var record = NewRecord(progress, progress.CautionIds.Count > 0 || progress.LongStanding ? ScreeningOutcome.Cautions : ScreeningOutcome.Clear);
        await SaveAsync(step, record, cancellationToken).ConfigureAwait(false);
        foreach (var text in ScreeningAdvice.ForAllowed(_replies.Knowledge, record))
        {
            await step.Context.SendActivityAsync(_replies.Text(text), cancellationToken).ConfigureAwait(false);
        }

        await step.Context.SendActivityAsync(_replies.Format(_replies.Messages.PrivacyNote, _options.ScreeningValidHours), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(record, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends where a "yes" stops the screening: the advice for that level, said once, and no technique.</summary>
    private async Task<DialogTurnResult> FinishAtLevelAsync(WaterfallStepContext step, ScreeningProgress progress, ScreeningLevel level, ScreeningQuestion? question, CancellationToken cancellationToken)
    {
        var outcome = level switch
        {
            ScreeningLevel.Emergency => ScreeningOutcome.Emergency,
            ScreeningLevel.SameDay => ScreeningOutcome.SameDay,
            _ => ScreeningOutcome.SeeDoctorFirst,
        };

        var record = NewRecord(progress, outcome);
        if (outcome == ScreeningOutcome.Emergency)
        {
            // The advice first: a storage that fails while the outcome is saved must not keep it from the user.
            await step.Context.SendActivityAsync(_replies.Urgent(step.Context), cancellationToken).ConfigureAwait(false);
            await SaveAsync(step, record, cancellationToken).ConfigureAwait(false);
            await _reminders.StopForEmergencyAsync(step.Context, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(record, cancellationToken).ConfigureAwait(false);
        }

        await SaveAsync(step, record, cancellationToken).ConfigureAwait(false);

        if (question?.Advice is { } advice)
        {
            await step.Context.SendActivityAsync(_replies.Text(advice), cancellationToken).ConfigureAwait(false);
        }

        var text = outcome == ScreeningOutcome.SameDay ? Script.Outcomes.SameDay : Script.Outcomes.SeeDoctorFirst;
        await step.Context.SendActivityAsync(_replies.Text(text), cancellationToken).ConfigureAwait(false);
        await step.Context.SendActivityAsync(_replies.Format(_replies.Messages.PrivacyNote, _options.ScreeningValidHours), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(record, cancellationToken).ConfigureAwait(false);
    }

    private ScreeningRecord NewRecord(ScreeningProgress progress, ScreeningOutcome outcome) => new()
    {
        Outcome = outcome,
        CompletedAt = _time.GetUtcNow(),
        CautionIds = outcome is ScreeningOutcome.Cautions ? progress.CautionIds : [],
        LongStanding = outcome is ScreeningOutcome.Cautions && progress.LongStanding,
    };

    private async Task SaveAsync(WaterfallStepContext step, ScreeningRecord record, CancellationToken cancellationToken)
    {
        var profile = await _state.GetProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        profile.Screening = record;

        var conversation = await _state.GetConversationAsync(step.Context, cancellationToken).ConfigureAwait(false);
        conversation.EmergencyReported = record.Outcome == ScreeningOutcome.Emergency;
        if (record.Outcome != ScreeningOutcome.Emergency)
        {
            await _reminders.FollowScreeningAsync(step.Context, record, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Accepts a length of time, or an honest "not sure" (which is not itself a reason to stop).</summary>
    private Task<bool> ValidateDurationAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        var text = prompt.Recognized.Value;
        var understood = prompt.Recognized.Succeeded
            && (_durations.Read(text, LocalNow(prompt.Context)) is not null || _durations.IsUnsure(text));
        return Task.FromResult(understood);
    }

    /// <summary>The user's local date and time by the bot's clock, in the user's time zone when the channel gives it.</summary>
    private DateTime LocalNow(ITurnContext turnContext) => UserClock.Now(_time, turnContext.Activity).DateTime;
}

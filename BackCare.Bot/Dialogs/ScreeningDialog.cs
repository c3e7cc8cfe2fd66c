using BackCare.Bot.CardRendering;
using BackCare.Bot.Content;
using BackCare.Bot.DialogEngine;
using BackCare.Bot.Reminders;
using BackCare.Bot.Hosting;
using BackCare.Bot.Recognition;
using BackCare.Bot.State;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace BackCare.Bot.Dialogs;

/// <summary>
/// The safety screening: the emergency questions first, then the see-a-doctor-first ones and how long
/// the pain has lasted, then the cautions, one question at a time. It stops at the first emergency or
/// see-a-doctor answer, saves the outcome on the user's profile and ends with the <see cref="ScreeningRecord"/>
/// (null if the user gave up answering a yes or no question). A length of time that still cannot be read
/// after the retries is never dropped: the dialog says it takes the safe side and goes on as for
/// long-standing pain.
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

    /// <summary>The questions in asking order; null marks where the duration question goes.</summary>
    private readonly IReadOnlyList<ScreeningQuestion?> _items;

    public ScreeningDialog(BackCareReplies replies, BackCareState state, TimeProvider time, IOptions<BackCareOptions> options, ReminderConversation reminders)
        : base(DialogId)
    {
        _replies = replies;
        _state = state;
        _time = time;
        _reminders = reminders;
        _options = options.Value;
        _items = OrderItems(replies.Knowledge.Screening);
        _durations = new PainDurationParser(replies.Knowledge.Screening.Duration.Vocabulary);

        AddDialog(new WaterfallDialog(LoopId, [AskAsync, EvaluateAsync]));
        AddDialog(new ConfirmPrompt(YesNoPromptId));
        AddDialog(new TextPrompt(DurationPromptId, ValidateDurationAsync));
        InitialDialogId = LoopId;
    }

    private ScreeningScript Script => _replies.Knowledge.Screening;

    /// <summary>Emergency questions, then see-a-doctor ones, then the duration question, then cautions.</summary>
    private static List<ScreeningQuestion?> OrderItems(ScreeningScript script)
    {
        var items = new List<ScreeningQuestion?>();
        items.AddRange(script.Questions.Where(q => q.Level == ScreeningLevel.Emergency));
        items.AddRange(script.Questions.Where(q => q.Level == ScreeningLevel.SeeDoctorFirst));
        items.Add(null);
        items.AddRange(script.Questions.Where(q => q.Level == ScreeningLevel.Caution));
        return items;
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var progress = StateValue.To<ScreeningProgress>(step.Options) ?? new ScreeningProgress();
        step.Values["progress"] = progress;
        if (progress.Index == 0)
        {
            await step.Context.SendActivityAsync(_replies.Text(Script.Introduction), cancellationToken).ConfigureAwait(false);
        }

        var question = _items[progress.Index];
        if (question is null)
        {
            return await step.PromptAsync(DurationPromptId, new PromptOptions
            {
                Prompt = (Microsoft.Bot.Schema.Activity)_replies.Text(Script.Duration.Text),
                RetryPrompt = (Microsoft.Bot.Schema.Activity)_replies.Text(Script.Duration.RetryText),

                // Said in place of the prompt's "let's leave that" when it gives up; EvaluateAsync then acts on it.
                TooManyAttemptsMessage = (Microsoft.Bot.Schema.Activity)_replies.Text(_replies.Messages.DurationSafeSide),
            }, cancellationToken).ConfigureAwait(false);
        }

        var text = string.IsNullOrWhiteSpace(question.Hint) ? question.Text : $"{question.Text}\n\n{question.Hint}";
        return await step.PromptAsync(YesNoPromptId, new PromptOptions
        {
            Prompt = (Microsoft.Bot.Schema.Activity)_replies.Text(text),
            RetryPrompt = (Microsoft.Bot.Schema.Activity)_replies.Text($"Please answer yes or no. {question.Text}"),
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> EvaluateAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var progress = step.Values.GetValue<ScreeningProgress>("progress") ?? new ScreeningProgress();
        var question = _items[progress.Index];

        if (question is null)
        {
            // No answer (the prompt gave up and has said the safe side is taken) counts as long-standing pain:
            // skipping the question would let pain of months through to a technique.
            var longStanding = step.Result is null
                || _durations.Read(step.Result as string, LocalNow(step.Context))?.IsLongerThan(Script.Duration.SeeDoctorAfterDays) == true;
            if (longStanding)
            {
                return await FinishAsync(step, ScreeningOutcome.SeeDoctorFirst, [], cancellationToken).ConfigureAwait(false);
            }
        }
        else if (step.Result is null)
        {
            // The yes/no prompt gave up after unclear answers (and said so): no outcome is recorded.
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }
        else if (step.Result is true)
        {
            switch (question.Level)
            {
                case ScreeningLevel.Emergency:
                    return await FinishAsync(step, ScreeningOutcome.Emergency, [], cancellationToken).ConfigureAwait(false);
                case ScreeningLevel.SeeDoctorFirst:
                    return await FinishAsync(step, ScreeningOutcome.SeeDoctorFirst, [], cancellationToken).ConfigureAwait(false);
                default:
                    progress.CautionIds.Add(question.Id);
                    break;
            }
        }

        if (progress.Index + 1 < _items.Count)
        {
            return await step.ReplaceDialogAsync(LoopId, new ScreeningProgress { Index = progress.Index + 1, CautionIds = progress.CautionIds }, cancellationToken).ConfigureAwait(false);
        }

        var outcome = progress.CautionIds.Count > 0 ? ScreeningOutcome.Cautions : ScreeningOutcome.Clear;
        return await FinishAsync(step, outcome, progress.CautionIds, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, ScreeningOutcome outcome, List<string> cautionIds, CancellationToken cancellationToken)
    {
        var record = new ScreeningRecord { Outcome = outcome, CompletedAt = _time.GetUtcNow(), CautionIds = cautionIds };
        var profile = await _state.GetProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        profile.Screening = record;

        var conversation = await _state.GetConversationAsync(step.Context, cancellationToken).ConfigureAwait(false);
        conversation.EmergencyReported = outcome == ScreeningOutcome.Emergency;

        var outcomes = Script.Outcomes;
        if (outcome == ScreeningOutcome.Emergency)
        {
            await step.Context.SendActivityAsync(_replies.Urgent(step.Context), cancellationToken).ConfigureAwait(false);
            await _reminders.StopForEmergencyAsync(step.Context, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var text = outcome switch
            {
                ScreeningOutcome.SeeDoctorFirst => outcomes.SeeDoctorFirst,
                ScreeningOutcome.Cautions => outcomes.Cautions,
                _ => outcomes.Clear,
            };
            await step.Context.SendActivityAsync(_replies.Text(text), cancellationToken).ConfigureAwait(false);
            await step.Context.SendActivityAsync(_replies.Format(_replies.Messages.PrivacyNote, _options.ScreeningValidHours), cancellationToken).ConfigureAwait(false);
        }

        return await step.EndDialogAsync(record, cancellationToken).ConfigureAwait(false);
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

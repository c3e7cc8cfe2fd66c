using System.Globalization;
using System.Text;
using BackCare.Bot.CardRendering;
using BackCare.Bot.Content;
using BackCare.Bot.DialogEngine;
using BackCare.Bot.DialogEngine.Choices;
using BackCare.Bot.Hosting;
using BackCare.Bot.State;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Dialogs;

/// <summary>
/// From "I want to try something" to the end of a walkthrough: screening (unless a recent outcome is
/// remembered), what the outcome allows and why some techniques are left out, the choice of technique,
/// the walkthrough, then how it went.
/// </summary>
public sealed class TechniqueDialog : ComponentDialog
{
    public const string DialogId = "technique";

    private const string FlowId = "techniqueFlow";
    private const string ChoosePromptId = "chooseTechnique";
    private const string FeedbackPromptId = "feedback";

    /// <summary>What the technique picker's buttons carry as "card" (Cards/techniques.json).</summary>
    private const string PickerCard = "techniques";

    private readonly BackCareReplies _replies;
    private readonly BackCareState _state;
    private readonly TimeProvider _time;
    private readonly BackCareOptions _options;
    private readonly CardMessenger _messenger;

    public TechniqueDialog(BackCareReplies replies, BackCareState state, TimeProvider time, IOptions<BackCareOptions> options, CardMessenger messenger, ScreeningDialog screening, WalkthroughDialog walkthrough)
        : base(DialogId)
    {
        _replies = replies;
        _messenger = messenger;
        _state = state;
        _time = time;
        _options = options.Value;

        AddDialog(new WaterfallDialog(FlowId, [ScreenAsync, ChooseAsync, WalkThroughAsync, AskFeedbackAsync, AnswerFeedbackAsync]));
        AddDialog(screening);
        AddDialog(walkthrough);
        AddDialog(new ChoicePrompt(ChoosePromptId));
        AddDialog(new ChoicePrompt(FeedbackPromptId));
        InitialDialogId = FlowId;
    }

    private BotMessages Messages => _replies.Messages;

    /// <summary>Whether the user is at the picker, in a walkthrough or at its feedback question (not in the screening).</summary>
    public static bool IsInTechnique(DialogContext dc) =>
        dc.Leaf.ActiveDialog?.Id is ChoosePromptId or WalkthroughDialog.DialogId or FeedbackPromptId;

    /// <summary>Whether the technique picker is waiting for a choice.</summary>
    public static bool IsChoosing(DialogContext dc) => dc.Leaf.ActiveDialog?.Id == ChoosePromptId;

    /// <summary>Whether a walkthrough is running (a question answered there must not drop it).</summary>
    public static bool IsWalkingThrough(DialogContext dc) => dc.Leaf.ActiveDialog?.Id == WalkthroughDialog.DialogId;

    /// <summary>Whether <paramref name="record"/> is recent enough to skip the questions.</summary>
    public static bool IsCurrent(ScreeningRecord? record, DateTimeOffset now, double validHours) =>
        record is not null && now - record.CompletedAt < TimeSpan.FromHours(validHours);

    private async Task<DialogTurnResult> ScreenAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = StateValue.To<TechniqueRequest>(step.Options) ?? new TechniqueRequest();
        step.Values["techniqueId"] = request.TechniqueId;

        var conversation = await _state.GetConversationAsync(step.Context, cancellationToken).ConfigureAwait(false);
        var profile = await _state.GetProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        if (!request.Rescreen && conversation.EmergencyReported)
        {
            await step.Context.SendActivityAsync(_replies.Urgent(step.Context), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var now = _time.GetUtcNow();
        if (!request.Rescreen && IsCurrent(profile.Screening, now, _options.ScreeningValidHours))
        {
            var age = now - profile.Screening!.CompletedAt;
            await step.Context.SendActivityAsync(_replies.Format(Messages.ScreeningRemembered, DescribeAge(age)), cancellationToken).ConfigureAwait(false);
            return await step.NextAsync(profile.Screening, cancellationToken).ConfigureAwait(false);
        }

        return await step.BeginDialogAsync(ScreeningDialog.DialogId, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ChooseAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var record = StateValue.To<ScreeningRecord>(step.Result);
        switch (record?.Outcome)
        {
            case null:
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            case ScreeningOutcome.Emergency:
                // The screening already showed the emergency card; nothing else is offered.
                if (step.Reason == DialogReason.NextCalled)
                {
                    await step.Context.SendActivityAsync(_replies.Urgent(step.Context), cancellationToken).ConfigureAwait(false);
                }

                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            case ScreeningOutcome.SeeDoctorFirst or ScreeningOutcome.SameDay:
                // Said only when the outcome was remembered: a screening that just ended has given its own advice.
                if (step.Reason == DialogReason.NextCalled)
                {
                    await step.Context.SendActivityAsync(_replies.Text(Messages.NoTechniqueSeeDoctor), cancellationToken).ConfigureAwait(false);
                }

                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var leftOut = ScreeningAdvice.LeftOut(_replies.Knowledge, record);
        var allowed = ScreeningAdvice.Allowed(_replies.Knowledge, record, leftOut);
        step.Values["offered"] = allowed.Select(t => t.Id).ToList();
        step.Values["adaptFor"] = record.CautionIds;
        if (leftOut.Count > 0)
        {
            await step.Context.SendActivityAsync(_replies.Text(DescribeLeftOut(leftOut)), cancellationToken).ConfigureAwait(false);
        }

        var requested = step.Values.GetValue<string>("techniqueId");
        if (requested is not null && allowed.Any(t => t.Id == requested))
        {
            return await step.NextAsync(requested, cancellationToken).ConfigureAwait(false);
        }

        if (allowed.Count == 0)
        {
            await step.Context.SendActivityAsync(_replies.Text(Messages.NoTechniqueSeeDoctor), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(ChoosePromptId, new PromptOptions
        {
            Prompt = _replies.TechniqueChoicePrompt(step.Context, allowed),
            RetryPrompt = (Activity)_replies.Text(Messages.ChooseTechniquePrompt),
            Choices = allowed.Select(t => new Choice(t.Name) { Synonyms = [t.Id] }).ToList(),
            Style = BackCareReplies.ShowsCards(step.Context) ? ListStyle.None : ListStyle.Auto,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> WalkThroughAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var offered = step.Values.GetValue<List<string>>("offered") ?? [];
        var techniqueId = step.Result switch
        {
            string id => id,
            FoundChoice choice when choice.Index >= 0 && choice.Index < offered.Count => offered[choice.Index],
            _ => null,
        };

        if (techniqueId is null)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var cautionIds = step.Values.GetValue<List<string>>("adaptFor") ?? [];

        // Picked with the picker's button: in Teams the picker then shows what was started and loses its buttons
        // (the submit's replyToId is the picker's message), so it cannot start a second walkthrough later. Only the
        // picker's own buttons say "card": "techniques"; a "did you mean" card offering a technique is left alone.
        if (step.Result is FoundChoice && step.Context.Activity.Value is JObject submitted && SubmitData.StringOf(submitted, "card") == PickerCard)
        {
            await _messenger.TryUpdateAsync(step.Context, step.Context.Activity.ReplyToId, _replies.ClosedTechniquePicker(_replies.Knowledge.FindTechnique(techniqueId)!.AdaptedFor(cautionIds)), cancellationToken).ConfigureAwait(false);
        }

        var start = new WalkthroughStart { TechniqueId = techniqueId, CautionIds = cautionIds };
        return await step.BeginDialogAsync(WalkthroughDialog.DialogId, start, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskFeedbackAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (StateValue.To<WalkthroughResult?>(step.Result) != WalkthroughResult.Completed)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(FeedbackPromptId, new PromptOptions
        {
            Prompt = (Activity)_replies.Text(Messages.FinishedPrompt),
            Choices = ChoiceFactory.ToChoices([Messages.FeltBetter, Messages.FeltSame, Messages.FeltWorse]),
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AnswerFeedbackAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var reply = (step.Result as FoundChoice)?.Index switch
        {
            0 => Messages.FeltBetterReply,
            1 => Messages.FeltSameReply,
            2 => Messages.FeltWorseReply,
            _ => null,
        };

        if (reply is not null)
        {
            await step.Context.SendActivityAsync(_replies.Text(reply), cancellationToken).ConfigureAwait(false);
        }

        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private string DescribeLeftOut(Dictionary<string, string> leftOut)
    {
        var text = new StringBuilder();
        foreach (var (id, reason) in leftOut)
        {
            var name = _replies.Knowledge.FindTechnique(id)?.Name ?? id;
            text.Append("• ").Append(string.Format(CultureInfo.InvariantCulture, Messages.LeftOutLine, name, reason)).Append("\n\n");
        }

        return text.ToString().TrimEnd();
    }

    private static string DescribeAge(TimeSpan age) => age.TotalHours switch
    {
        < 1 => "less than an hour",
        < 2 => "an hour",
        var hours => $"{(int)hours} hours",
    };
}

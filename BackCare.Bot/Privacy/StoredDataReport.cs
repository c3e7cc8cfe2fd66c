using System.Globalization;
using BackCare.Bot.CardRendering;
using BackCare.Bot.Content;
using BackCare.Bot.DialogEngine;
using BackCare.Bot.Hosting;
using BackCare.Bot.Recognition;
using BackCare.Bot.Reminders;
using BackCare.Bot.State;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace BackCare.Bot.Privacy;

/// <summary>
/// "what do you know about me?": what is stored about this user right now, read from storage as it is (the user's
/// screening record, their reminder subscription, this conversation's state) plus whether transcripts are kept, and
/// how to delete it. Reading creates nothing: the user's state is looked at, not set.
/// </summary>
public sealed class StoredDataReport(BackCareState state, ReminderStore reminders, BackCareReplies replies, IOptions<BackCareOptions> options, TimeProvider time)
{
    /// <summary>One paragraph per stored thing, after an opening line.</summary>
    public async Task<string> DescribeAsync(ITurnContext turnContext, ConversationData conversation, CancellationToken cancellationToken)
    {
        var messages = replies.Messages;
        var settings = options.Value;
        var activity = turnContext.Activity;
        var offset = UserClock.Now(time, activity).Offset;
        var lines = new List<string> { messages.StoredIntro };

        var screening = (await ReadProfileAsync(turnContext, cancellationToken).ConfigureAwait(false))?.Screening;
        if (screening is null)
        {
            lines.Add(messages.StoredNoScreening);
        }
        else
        {
            var when = screening.CompletedAt.ToOffset(offset).ToString("d MMMM 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"));
            var left = screening.CompletedAt + TimeSpan.FromHours(settings.ScreeningValidHours) - time.GetUtcNow();
            lines.Add(left > TimeSpan.Zero
                ? Format(messages.StoredScreening, when, OutcomeWords(messages, screening.Outcome), Hours(left))
                : Format(messages.StoredScreeningOld, when, OutcomeWords(messages, screening.Outcome)));
            if (screening.CautionIds.Count > 0)
            {
                lines.Add(Format(messages.StoredCautions, string.Join("; ", screening.CautionIds.Select(CautionName))));
            }

            if (screening.LongStanding)
            {
                lines.Add(messages.StoredLongStanding);
            }
        }

        var subscription = await reminders.GetAsync(ReminderStore.KeyFor(activity.ChannelId, activity.From.Id), cancellationToken).ConfigureAwait(false);
        lines.Add(subscription is null
            ? messages.StoredNoReminders
            : Format(
                messages.StoredReminders,
                subscription.IntervalMinutes,
                subscription.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
                subscription.End.ToString("HH:mm", CultureInfo.InvariantCulture),
                subscription.Days.Count == 7 ? messages.ReminderEveryDay : messages.ReminderWeekdays));

        lines.Add(Format(messages.StoredConversation, settings.ScreeningValidHours, settings.ConversationKeepDays));
        if (conversation.EmergencyReported)
        {
            lines.Add(messages.StoredEmergency);
        }

        lines.Add(string.IsNullOrWhiteSpace(settings.TranscriptFolder) ? messages.StoredTranscriptOff : messages.StoredTranscriptOn);
        lines.Add(messages.StoredHowToDelete);
        return string.Join("\n\n", lines);
    }

    /// <summary>The user's profile as stored, or null; read from the loaded state without setting anything.</summary>
    private async Task<UserProfile?> ReadProfileAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await state.UserState.LoadAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        return StateValue.To<UserProfile>(state.UserState.Get(turnContext)?[nameof(UserProfile)]);
    }

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.InvariantCulture, format, values);

    private static string OutcomeWords(BotMessages messages, ScreeningOutcome outcome) => outcome switch
    {
        ScreeningOutcome.Clear => messages.StoredOutcomeClear,
        ScreeningOutcome.Cautions => messages.StoredOutcomeCautions,
        ScreeningOutcome.SeeDoctorFirst => messages.StoredOutcomeSeeDoctorFirst,
        ScreeningOutcome.SameDay => messages.StoredOutcomeSameDay,
        _ => messages.StoredOutcomeEmergency,
    };

    /// <summary>The caution as the screening listed it to the user ("You're pregnant, or might be"), else its question.</summary>
    private string CautionName(string id)
    {
        var script = replies.Knowledge.Screening;
        foreach (var check in script.Checks)
        {
            var index = check.FollowUps.ToList().IndexOf(id);
            if (index >= 0 && check.Items.Count == check.FollowUps.Count)
            {
                return check.Items[index];
            }
        }

        return script.FindQuestion(id)?.Text ?? id;
    }

    private static string Hours(TimeSpan left) => left.TotalHours switch
    {
        < 1 => "less than an hour",
        < 2 => "an hour",
        var hours => $"{(int)hours} hours",
    };
}

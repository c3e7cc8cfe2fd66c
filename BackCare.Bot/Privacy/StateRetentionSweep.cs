using BackCare.Bot.DialogEngine;
using BackCare.Bot.Hosting;
using BackCare.Bot.State;
using BackCare.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Privacy;

/// <summary>
/// Deletes what the privacy note says is not kept: a screening result once <see cref="BackCareOptions.ScreeningValidHours"/>
/// have passed (and the user's state with it, when nothing else is in it), and a conversation's state
/// <see cref="BackCareOptions.ConversationKeepDays"/> after its last save. Works on any storage that can list its keys
/// (memory, SQLite, Blob), a page at a time: one read and at most one delete per page. A turn saving meanwhile wins:
/// a trimmed item is written back with the ETag it was read with, so a conflict leaves the newer save alone.
/// </summary>
public sealed class StateRetentionSweep(IStorage storage, IOptions<BackCareOptions> options, TimeProvider time, ILogger<StateRetentionSweep> logger) : BackgroundService
{
    public const int PageSize = 100;

    /// <summary>The first pass waits this long after start-up, so a starting instance serves its first turns first.</summary>
    public static readonly TimeSpan FirstSweepDelay = TimeSpan.FromMinutes(1);

    private enum Verdict
    {
        Keep,
        Delete,
        Rewrite,
    }

    /// <summary>One pass over every key; safe to run beside turns and on several instances at once.</summary>
    public async Task<RetentionSweepResult> SweepOnceAsync(CancellationToken cancellationToken)
    {
        // Reads and writes go through the decorators (tracing); only the listing needs the chosen storage itself.
        if (IStorageDecorator.Innermost(storage) is not IStorageKeyLister lister)
        {
            return default;
        }

        var now = time.GetUtcNow();
        var settings = options.Value;
        int examined = 0, deleted = 0, rewritten = 0;
        await foreach (var page in lister.ListKeysAsync(PageSize, cancellationToken).ConfigureAwait(false))
        {
            var keys = page.Where(key => KindOf(key) is not null).ToArray();
            if (keys.Length == 0)
            {
                continue;
            }

            var items = await storage.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
            var toDelete = new List<string>();
            foreach (var (key, value) in items)
            {
                examined++;
                if (StateValue.To<StateEnvelope>(value) is not { State: { } state } envelope)
                {
                    // Saved unwrapped by an older version: left to be wrapped (and dated) by its next save.
                    continue;
                }

                var verdict = KindOf(key) == "users"
                    ? JudgeUser(state, now, settings.ScreeningValidHours)
                    : JudgeConversation(envelope, state, now, settings);
                if (verdict == Verdict.Delete)
                {
                    toDelete.Add(key);
                }
                else if (verdict == Verdict.Rewrite && await TryRewriteAsync(key, envelope, cancellationToken).ConfigureAwait(false))
                {
                    rewritten++;
                }
            }

            if (toDelete.Count > 0)
            {
                await storage.DeleteAsync([.. toDelete], cancellationToken).ConfigureAwait(false);
                deleted += toDelete.Count;
            }
        }

        return new RetentionSweepResult(examined, deleted, rewritten);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (IStorageDecorator.Innermost(storage) is not IStorageKeyLister)
        {
            logger.LogWarning("The storage cannot list its keys, so expired state is not swept.");
            return;
        }

        var interval = TimeSpan.FromMinutes(Math.Max(1, options.Value.RetentionSweepMinutes));
        try
        {
            await Task.Delay(FirstSweepDelay, time, stoppingToken).ConfigureAwait(false);
            using var timer = new PeriodicTimer(interval, time);
            do
            {
                try
                {
                    var result = await SweepOnceAsync(stoppingToken).ConfigureAwait(false);
                    logger.LogInformation("Retention sweep: {Examined} examined, {Deleted} deleted, {Rewritten} trimmed or dated.", result.Examined, result.Deleted, result.Rewritten);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The storage may be down for a while; the next pass tries again.
                    logger.LogWarning(e, "Retention sweep failed; trying again in {Minutes} minutes.", interval.TotalMinutes);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>"users" or "conversations" for BotState's keys ("msteams/users/29:…"); null for anything else (reminders, …).</summary>
    private static string? KindOf(string key)
    {
        var parts = key.Split('/', 3);
        return parts.Length == 3 && parts[1] is "users" or "conversations" ? parts[1] : null;
    }

    /// <summary>An expired screening result goes; a user state with nothing else left goes entirely.</summary>
    private static Verdict JudgeUser(IDictionary<string, object> state, DateTimeOffset now, double validHours)
    {
        var profileKey = nameof(UserProfile);
        var profile = state.TryGetValue(profileKey, out var value) ? StateValue.To<UserProfile>(value) : null;
        var changed = false;
        if (profile?.Screening is { } screening && now - screening.CompletedAt >= TimeSpan.FromHours(validHours))
        {
            profile.Screening = null;
            changed = true;
        }

        if (profile is null || IsEmpty(profile))
        {
            changed |= state.Remove(profileKey);
        }
        else if (changed)
        {
            state[profileKey] = profile;
        }

        return state.Count == 0 ? Verdict.Delete : changed ? Verdict.Rewrite : Verdict.Keep;
    }

    /// <summary>
    /// A conversation idle for the keep period goes. Idle past the screening's validity, its dialog stack goes (a
    /// screening in progress or a technique picker holds a copy of the answers) and so does a message waiting for a
    /// safety question's answer (the user's own words); the rest (the emergency flag, the welcome) stays until then.
    /// One saved before saves were dated gets today's date.
    /// </summary>
    private static Verdict JudgeConversation(StateEnvelope envelope, IDictionary<string, object> state, DateTimeOffset now, BackCareOptions settings)
    {
        if (envelope.SavedAt is not { } savedAt)
        {
            envelope.SavedAt = now;
            return Verdict.Rewrite;
        }

        var idle = now - savedAt;
        if (idle >= TimeSpan.FromDays(settings.ConversationKeepDays))
        {
            return Verdict.Delete;
        }

        if (idle < TimeSpan.FromHours(settings.ScreeningValidHours))
        {
            return Verdict.Keep;
        }

        var changed = state.Remove(nameof(DialogState));
        var dataKey = nameof(ConversationData);
        if (state.TryGetValue(dataKey, out var value) && StateValue.To<ConversationData>(value) is { } data
            && (data.PendingSafetyQuestion is not null || data.PendingClarification.Count > 0))
        {
            data.PendingSafetyQuestion = null;
            data.PendingClarification = [];
            state[dataKey] = data;
            changed = true;
        }

        // SavedAt stays as it was: the sweep is not a message, so the keep period still counts from the last one.
        return changed ? Verdict.Rewrite : Verdict.Keep;
    }

    private static bool IsEmpty(UserProfile profile) =>
        JObject.FromObject(profile).Properties().All(p => p.Value.Type is JTokenType.Null || (p.Value is JContainer c && !c.HasValues));

    /// <summary>Saves the item back with the ETag it was read with; false when a turn saved it meanwhile (that save stands).</summary>
    private async Task<bool> TryRewriteAsync(string key, StateEnvelope envelope, CancellationToken cancellationToken)
    {
        envelope.ETag ??= "*";
        try
        {
            await storage.WriteAsync(new Dictionary<string, object> { [key] = envelope }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (ETagConflictException.IsETagConflict(e))
        {
            // A turn saved meanwhile: its version stands. Any other failure ends this sweep and is logged by its loop.
            return false;
        }
    }
}

using System.Globalization;
using BackCare.Bot.DialogEngine;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace BackCare.Bot.Unanswered;

/// <summary>
/// Counts of what the bot could not answer, in the operator's own storage (the bot's <see cref="IStorage"/>):
/// one document per UTC day of normalised texts and their counts, and an index of the days, so days older than
/// <see cref="UnansweredOptions.RetentionDays"/> are deleted on the next write and never read.
/// </summary>
public sealed class UnansweredStore(IStorage storage, IOptions<UnansweredOptions> options, TimeProvider time) : IDisposable
{
    public const string KeyPrefix = "unanswered/";

    public const string IndexKey = KeyPrefix + "days";

    /// <summary>Read-modify-write attempts on an ETag conflict (another instance counted at the same moment).</summary>
    private const int Attempts = 3;

    /// <summary>
    /// One count at a time in this instance: every turn of every conversation adds to the same day's document, so
    /// concurrent turns would otherwise lose counts to each other's ETag conflicts; the retries are left for other instances.
    /// </summary>
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>The day this instance last made sure the index lists (null before its first count).</summary>
    private DateOnly? _indexedDay;

    private UnansweredOptions Options => options.Value;

    public static string DayKey(DateOnly day) => KeyPrefix + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Adds one to each message's normalised text for today, then deletes the days past the retention.</summary>
    public async Task RecordAsync(IReadOnlyList<UnansweredMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0 || !Options.Enabled)
        {
            return;
        }

        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CountAsync(messages, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task CountAsync(IReadOnlyList<UnansweredMessage> messages, CancellationToken cancellationToken)
    {
        var today = Today();
        var key = DayKey(today);
        for (var attempt = 1; ; attempt++)
        {
            var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
            var existing = items.TryGetValue(key, out var value) ? StateValue.To<UnansweredDay>(value) : null;
            var document = existing ?? new UnansweredDay { ETag = "*" };
            foreach (var message in messages)
            {
                Count(document, UnansweredText.Normalise(message.Text), message.Kind);
            }

            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { [key] = document }, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (Exception) when (attempt < Attempts && !cancellationToken.IsCancellationRequested)
            {
                // Most likely an ETag conflict: read the other instance's counts and add to them.
            }
        }

        // The index changes once a day (today added, expired days deleted): read it only on this instance's first count of the day.
        if (_indexedDay != today)
        {
            await UpdateIndexAsync(today, cancellationToken).ConfigureAwait(false);
            _indexedDay = today;
        }
    }

    /// <summary>The <paramref name="top"/> texts by total count over the kept days, most first; ties by text.</summary>
    public async Task<IReadOnlyList<UnansweredQuestion>> TopAsync(int top, CancellationToken cancellationToken)
    {
        var today = Today();
        var keys = Enumerable.Range(0, Options.RetentionDays).Select(d => DayKey(today.AddDays(-d))).ToArray();
        var items = await storage.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        var totals = new Dictionary<string, UnansweredCount>(StringComparer.Ordinal);
        foreach (var value in items.Values)
        {
            if (StateValue.To<UnansweredDay>(value) is not { } day)
            {
                continue;
            }

            foreach (var (text, count) in day.Counts)
            {
                var total = totals.TryGetValue(text, out var t) ? t : totals[text] = new UnansweredCount();
                total.Fallbacks += count.Fallbacks;
                total.DidYouMeans += count.DidYouMeans;
            }
        }

        return [.. totals
            .Select(t => new UnansweredQuestion(t.Key, t.Value.Fallbacks, t.Value.DidYouMeans))
            .OrderByDescending(q => q.Total)
            .ThenBy(q => q.Text, StringComparer.Ordinal)
            .Take(top)];
    }

    private void Count(UnansweredDay document, string text, UnansweredKind kind)
    {
        if (text.Length == 0 || (!document.Counts.ContainsKey(text) && document.Counts.Count >= Options.MaxTextsPerDay))
        {
            return;
        }

        var count = document.Counts.TryGetValue(text, out var c) ? c : document.Counts[text] = new UnansweredCount();
        if (kind == UnansweredKind.Fallback)
        {
            count.Fallbacks++;
        }
        else
        {
            count.DidYouMeans++;
        }
    }

    /// <summary>Adds today to the index and deletes the days the retention no longer covers (from the index and the storage).</summary>
    private async Task UpdateIndexAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var oldestKept = DayKey(today.AddDays(1 - Options.RetentionDays));
        var todayKey = DayKey(today);
        for (var attempt = 1; ; attempt++)
        {
            var items = await storage.ReadAsync([IndexKey], cancellationToken).ConfigureAwait(false);
            var index = items.TryGetValue(IndexKey, out var value) && StateValue.To<UnansweredIndex>(value) is { } read ? read : new UnansweredIndex { ETag = "*" };

            // Day keys sort as their dates do (yyyy-MM-dd).
            var expired = index.Days.Where(d => string.CompareOrdinal(d, oldestKept) < 0).ToArray();
            var hasToday = index.Days.Contains(todayKey);
            if (expired.Length == 0 && hasToday)
            {
                return;
            }

            index.Days = [.. index.Days.Except(expired).Append(todayKey).Distinct().Order(StringComparer.Ordinal)];
            try
            {
                if (expired.Length > 0)
                {
                    await storage.DeleteAsync(expired, cancellationToken).ConfigureAwait(false);
                }

                await storage.WriteAsync(new Dictionary<string, object> { [IndexKey] = index }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception) when (attempt < Attempts && !cancellationToken.IsCancellationRequested)
            {
                // Another instance changed the index: read it again.
            }
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}

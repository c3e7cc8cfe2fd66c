using System.Diagnostics;
using System.Globalization;
using BackCare.Bot.CardRendering;
using BackCare.Bot.Hosting;
using BackCare.Bot.Reminders;
using BackCare.Bot.Storage;
using BackCare.Bot.TestSupport;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackCare.Bot.Benchmarks;

/// <summary>
/// The `reminders` verb: what one reminder tick costs with many subscriptions. Seeds N hourly subscriptions, their
/// due times spread evenly over the hour (so about N/60 fall due each minute), into a SQLite file behind a counting
/// storage, then runs the real scheduler's tick once a minute on a hand-moved clock. A send is a fake connector
/// call of a fixed time. Prints, per tick: wall time, storage read calls and items read, writes, reminders sent and
/// the most sends in flight at once. The first tick is shown apart (it may rebuild the due index).
/// </summary>
internal static class ReminderTickBenchmark
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    public const string Command = "reminders";

    public static async Task<int> RunAsync(int count, int ticks, TimeSpan sendTime)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Reminder tick: {count} hourly subscriptions (about {count / 60} due a minute), SQLite, a send takes {sendTime.TotalMilliseconds:0} ms, {ticks} one-minute ticks after the first"));
        var before = await MeasureAsync("before: the pre-issue-11 tick (LegacyReminderTick)", count, ticks, sendTime, legacy: true).ConfigureAwait(false);
        var after = await MeasureAsync("after: ReminderScheduler", count, ticks, sendTime, legacy: false).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio before/after per tick: time {before.Ms / after.Ms:0.#}x, items read {before.Items / after.Items:0.#}x, read calls {before.Calls / after.Calls:0.#}x"));
        return 0;
    }

    private static async Task<(double Ms, double Calls, double Items)> MeasureAsync(string label, int count, int ticks, TimeSpan sendTime, bool legacy)
    {
        var folder = Path.Combine(Path.GetTempPath(), "backcare-reminder-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using var sqlite = new SqliteStorage(Path.Combine(folder, "backcare.db"));
            var storage = new ControllableStorage(sqlite);
            var clock = new ManualClock(Start);
            var sender = new LatencySender(sendTime);
            await SeedAsync(sqlite, count).ConfigureAwait(false);

            var services = new ServiceCollection();
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Error));
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
            services.AddBackCareBot();
            services.AddSingleton<IStorage>(storage);
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IProactiveSender>(sender);
            await using var provider = services.BuildServiceProvider();
            Func<CancellationToken, Task<int>> tickOnce = legacy
                ? new LegacyReminderTick(storage, sender, provider.GetRequiredService<BackCareReplies>(), clock).SendDueAsync
                : provider.GetRequiredService<ReminderScheduler>().SendDueAsync;

            Console.WriteLine();
            Console.WriteLine(label);
            Console.WriteLine("tick        ms   readCalls  itemsRead  writes  sent  maxInFlight");
            var measured = new List<(double Ms, long Calls, long Items, long Writes, int Sent)>();
            for (var tick = 0; tick <= ticks; tick++)
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                storage.ResetCounts();
                sender.Reset();
                var watch = Stopwatch.StartNew();
                var sent = await tickOnce(CancellationToken.None).ConfigureAwait(false);
                watch.Stop();
                var name = tick == 0 ? "first" : tick.ToString(CultureInfo.InvariantCulture);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-6}{watch.Elapsed.TotalMilliseconds,10:0}{storage.ReadCalls,12}{storage.ItemsRead,11}{storage.Writes,8}{sent,6}{sender.MaxInFlight,13}"));
                if (tick > 0)
                {
                    measured.Add((watch.Elapsed.TotalMilliseconds, storage.ReadCalls, storage.ItemsRead, storage.Writes, sent));
                }
            }

            var mean = (Ms: measured.Average(m => m.Ms), Calls: measured.Average(m => m.Calls), Items: measured.Average(m => m.Items));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"mean  {mean.Ms,10:0}{mean.Calls,12:0.#}{mean.Items,11:0.#}{measured.Average(m => m.Writes),8:0.#}{measured.Average(m => m.Sent),6:0.#}"));
            return mean;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes the subscriptions and the key index straight to storage, as a long-running bot would have them.</summary>
    private static async Task SeedAsync(IStorage storage, int count)
    {
        var spacing = TimeSpan.FromHours(1) / count;
        var keys = new List<string>(count);
        for (var first = 0; first < count; first += 500)
        {
            var batch = new Dictionary<string, object>();
            for (var i = first; i < Math.Min(count, first + 500); i++)
            {
                var user = "user" + i.ToString(CultureInfo.InvariantCulture);
                var key = ReminderStore.KeyFor("msteams", user);
                keys.Add(key);
                batch[key] = new ReminderSubscription
                {
                    UserId = user,
                    ChannelId = "msteams",
                    Reference = new ConversationReference
                    {
                        ChannelId = "msteams",
                        ServiceUrl = "https://smba.example/",
                        User = new ChannelAccount(user),
                        Bot = new ChannelAccount("bot"),
                        Conversation = new ConversationAccount(id: "a:" + user),
                    },
                    IntervalMinutes = 60,
                    Start = new TimeOnly(0, 0),
                    End = new TimeOnly(23, 59),
                    Days = [.. Enum.GetValues<DayOfWeek>()],
                    NextDueUtc = Start + TimeSpan.FromSeconds(30) + spacing * i,
                    ETag = "*",
                };
            }

            await storage.WriteAsync(batch).ConfigureAwait(false);
        }

        await storage.WriteAsync(new Dictionary<string, object> { [ReminderStore.IndexKey] = new ReminderIndex { Keys = keys, ETag = "*" } }).ConfigureAwait(false);
    }
}

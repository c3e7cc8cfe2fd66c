using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace BackCare.Bot.Reminders;

/// <summary>
/// Reads reminder messages: "remind me to move every 45 minutes between 9 and 5", "remind me every hour",
/// "reminders", "stop reminders". Intervals and hours come from Microsoft.Recognizers.Text's date-time
/// recognizer; what it does not settle (days, a bare "9 and 5") is worded plainly here.
/// </summary>
public static partial class ReminderCommands
{
    private static readonly string[] StopPhrases =
    [
        "stop reminders", "stop reminder", "stop the reminders", "stop reminding me", "cancel reminders", "cancel my reminders",
        "no more reminders", "turn off reminders", "reminders off", "stop my reminders",
    ];

    private static readonly string[] StartPhrases = ["remind me", "reminders", "reminder", "set reminders", "set a reminder", "set up reminders", "movement reminders"];

    public static ReminderCommand Parse(string? text, DateTime referenceTime)
    {
        var n = Normalize(text);
        if (n.Length == 0)
        {
            return ReminderCommand.None;
        }

        if (StopPhrases.Contains(n))
        {
            return new ReminderCommand(ReminderCommandKind.Stop);
        }

        if (!StartPhrases.Any(p => n == p || n.StartsWith(p + " ", StringComparison.Ordinal)))
        {
            return ReminderCommand.None;
        }

        var days = ReminderRequest.Weekdays;
        var everyDay = EveryDayPhrase().IsMatch(n);
        if (everyDay)
        {
            days = ReminderRequest.EveryDay;
        }

        // "every day" is a day choice, not an interval: take it out before looking for one.
        var rest = EveryDayPhrase().Replace(n, " ");
        var results = DateTimeRecognizer.RecognizeDateTime(rest, Culture.English, DateTimeOptions.None, referenceTime);

        int? interval = null;
        TimeOnly? start = null, end = null;
        foreach (var result in results)
        {
            var values = Values(result);
            switch (result.TypeName)
            {
                case "datetimeV2.set" or "datetimeV2.duration" when interval is null:
                    interval = values.Select(v => MinutesOf(v)).FirstOrDefault(m => m is not null);
                    break;
                case "datetimeV2.timerange" when start is null:
                    foreach (var value in values)
                    {
                        if (TimeOf(value, "start") is { } s && TimeOf(value, "end") is { } e)
                        {
                            (start, end) = (s, Daytime(s, e));
                            if (end > start)
                            {
                                break;
                            }
                        }
                    }

                    break;
            }
        }

        // A bare "between 9 and 5" is not always a time range to the recognizer: read the two hours directly.
        if (start is null && BareHours().Match(rest) is { Success: true } bare)
        {
            var s = new TimeOnly(int.Parse(bare.Groups["from"].Value, CultureInfo.InvariantCulture) % 24, 0);
            var e = new TimeOnly(int.Parse(bare.Groups["to"].Value, CultureInfo.InvariantCulture) % 24, 0);
            (start, end) = (s, Daytime(s, e));
        }

        // The recognizer finds nothing in "every hour" (no number): read a plain "every [n] hour(s)/minute(s)" here.
        if (interval is null && PlainInterval().Match(rest) is { Success: true } plain)
        {
            var amount = plain.Groups["n"].Success ? int.Parse(plain.Groups["n"].Value, CultureInfo.InvariantCulture) : 1;
            interval = plain.Groups["unit"].Value.StartsWith('h') ? amount * 60 : amount;
        }

        if (interval is null && Regex.IsMatch(rest, @"\bevery\b"))
        {
            return new ReminderCommand(ReminderCommandKind.NotUnderstood);
        }

        if (start is null && Regex.IsMatch(rest, @"\b(between|from)\b"))
        {
            return new ReminderCommand(ReminderCommandKind.HoursNotUnderstood);
        }

        if (interval is { } minutes && (minutes < ReminderRequest.MinIntervalMinutes || minutes > ReminderRequest.MaxIntervalMinutes))
        {
            return new ReminderCommand(ReminderCommandKind.IntervalOutOfRange);
        }

        if (start is { } from && end is { } to && to <= from)
        {
            return new ReminderCommand(ReminderCommandKind.HoursNotUnderstood);
        }

        return new ReminderCommand(ReminderCommandKind.Subscribe, new ReminderRequest
        {
            IntervalMinutes = interval ?? ReminderRequest.DefaultIntervalMinutes,
            Start = start ?? ReminderRequest.DefaultStart,
            End = end ?? ReminderRequest.DefaultEnd,
            Days = days,
        });
    }

    private static string Normalize(string? text) =>
        Regex.Replace((text ?? string.Empty).ToLowerInvariant(), @"[\s]+", " ").Trim().TrimEnd('.', '!', '?', ' ');

    private static IEnumerable<IDictionary<string, string>> Values(ModelResult result) =>
        result.Resolution is not null && result.Resolution.TryGetValue("values", out var v) && v is IEnumerable<object> list
            ? list.OfType<IDictionary<string, string>>()
            : [];

    /// <summary>"PT45M", "PT2H" (a set or a duration) in minutes; day-long sets ("P1D") are not intervals.</summary>
    private static int? MinutesOf(IDictionary<string, string> value)
    {
        if (value.TryGetValue("timex", out var timex) && Timex().Match(timex) is { Success: true } m)
        {
            var amount = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            return (int)Math.Round(m.Groups["unit"].Value == "H" ? amount * 60 : amount);
        }

        return null;
    }

    private static TimeOnly? TimeOf(IDictionary<string, string> value, string key) =>
        value.TryGetValue(key, out var text) && TimeOnly.TryParse(text, CultureInfo.InvariantCulture, out var time) ? time : null;

    /// <summary>Working hours: "between 9 and 5" means 9:00 to 17:00, so an end that is not after the start is taken as afternoon.</summary>
    private static TimeOnly Daytime(TimeOnly start, TimeOnly end) =>
        end <= start && end.Hour < 12 && end.AddHours(12) > start ? end.AddHours(12) : end;

    [GeneratedRegex(@"\b(every ?day|daily|each day|7 days a week|including weekends?|weekends too)\b")]
    private static partial Regex EveryDayPhrase();

    [GeneratedRegex(@"\bevery (?:(?<n>\d{1,3}) |an? )?(?<unit>hours?|hrs?|minutes?|mins?)\b")]
    private static partial Regex PlainInterval();

    [GeneratedRegex(@"^PT(?<n>\d+(\.\d+)?)(?<unit>[HM])$")]
    private static partial Regex Timex();

    [GeneratedRegex(@"\b(between|from) (?<from>\d{1,2}) (and|to|-|until|till) (?<to>\d{1,2})\b")]
    private static partial Regex BareHours();
}

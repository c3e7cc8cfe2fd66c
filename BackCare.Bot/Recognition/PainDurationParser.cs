using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace BackCare.Bot.Recognition;

/// <summary>
/// Reads how long pain has lasted from a free answer through Microsoft.Recognizers.Text.DateTime:
/// a duration ("about three weeks", "2 months", "a few days") or a starting point ("since March",
/// "since last Monday"), measured back from the user's local date.
/// </summary>
public static partial class PainDurationParser
{
    /// <summary>The length in days, or null when the answer gives none.</summary>
    public static double? ParseDays(string? answer, DateTime localNow)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return null;
        }

        var text = Few().Replace(Couple().Replace(answer, "2 "), "3 ");
        foreach (var result in DateTimeRecognizer.RecognizeDateTime(text, Culture.English, DateTimeOptions.None, localNow))
        {
            var days = DaysFrom(result, localNow);
            if (days is not null)
            {
                return days;
            }
        }

        return null;
    }

    /// <summary>"not sure", "I don't know", "can't remember": an honest answer without a length.</summary>
    public static bool IsUnsure(string? answer) => answer is not null && Unsure().IsMatch(answer);

    private static double? DaysFrom(ModelResult result, DateTime localNow)
    {
        if (result.Resolution?.GetValueOrDefault("values") is not IEnumerable<Dictionary<string, string>> values)
        {
            return null;
        }

        foreach (var value in values)
        {
            if (result.TypeName.EndsWith("duration", StringComparison.Ordinal)
                && double.TryParse(value.GetValueOrDefault("value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return seconds / 86400;
            }

            // "since March": the range's start, or a date; when the year is left open the recognizer
            // offers last year's and this year's dates: the latest one not in the future is meant.
            var start = value.GetValueOrDefault("start") ?? value.GetValueOrDefault("value");
            if (DateTime.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var since) && since <= localNow)
            {
                var days = (localNow - since).TotalDays;
                var later = values.Select(v => v.GetValueOrDefault("start") ?? v.GetValueOrDefault("value"))
                    .Select(s => DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateTime?)null)
                    .Where(d => d is not null && d <= localNow)
                    .Max();
                return later is { } latest ? (localNow - latest).TotalDays : days;
            }
        }

        return null;
    }

    // "a couple of weeks", "a few days", "several months": the recognizer wants a number.
    [GeneratedRegex(@"\b(a\s+)?couple(\s+of)?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Couple();

    [GeneratedRegex(@"\b(not\s+sure|unsure|don'?t\s+know|do\s+not\s+know|no\s+idea|can'?t\s+remember|cannot\s+remember|not\s+certain)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Unsure();

    [GeneratedRegex(@"\b(a\s+few|several)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Few();
}

using System.Globalization;
using System.Text.RegularExpressions;
using BackCare.Bot.Content;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace BackCare.Bot.Recognition;

/// <summary>
/// Reads how long pain has lasted from a free answer. Microsoft.Recognizers.Text.DateTime reads lengths
/// ("about three weeks", "a fortnight"), starting points ("since March", "since Monday", "since Christmas")
/// and names seasons; the <see cref="DurationVocabulary"/> from screening.json adds what it lacks:
/// abbreviations, lengths without a number ("for years", "ages"), pain that comes and goes, and "not sure".
/// Starting points are measured back from the user's local time, which the caller passes in.
/// When an answer holds more than one length, the longest counts: that is the safe side.
/// </summary>
public sealed partial class PainDurationParser
{
    private const double SecondsPerDay = 86400;

    private readonly List<(Regex Phrase, string Rewrite)> _rewrites;
    private readonly List<(Regex Phrase, int Days)> _vagueLengths;
    private readonly Regex? _atLeast;
    private readonly Regex? _recurrent;
    private readonly Regex? _unsure;
    private readonly Regex? _frequency;
    private readonly SeasonStartMonths _seasons;

    public PainDurationParser(DurationVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);

        // Longest first, so "a couple of" is rewritten before "couple of" can take part of it.
        _rewrites = [.. vocabulary.Rewrites.OrderByDescending(r => r.Key.Length).Select(r => (AnyOf([r.Key])!, r.Value))];
        _vagueLengths = [.. vocabulary.VagueLengths.Select(v => (Phrase: AnyOf(v.Phrases), v.Days)).Where(v => v.Phrase is not null).Select(v => (v.Phrase!, v.Days))];
        _atLeast = AnyOf(vocabulary.AtLeast);
        _recurrent = AnyOf(vocabulary.Recurrent);
        _unsure = AnyOf(vocabulary.Unsure);
        _frequency = vocabulary.Frequencies is { Count: > 0 } frequencies ? FrequencyPhrase(frequencies) : null;
        _seasons = vocabulary.SeasonStartMonths;
    }

    /// <summary>What the answer says about how long, or null when it gives neither a length nor recurring pain.</summary>
    /// <param name="localNow">The user's local date and time now, from the bot's clock (not the activity's timestamp).</param>
    public PainDuration? Read(string? answer, DateTime localNow)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return null;
        }

        var text = Rewrite(answer);

        // In pain that comes and goes, "some weeks worse than others" says how often, not how long; outside it, "for
        // some weeks" is a length.
        if (_recurrent?.IsMatch(text) == true && _frequency is not null)
        {
            text = _frequency.Replace(text, " ");
        }

        var longest = Longest(Recognized(text, localNow), Vague(text));
        if (longest is { } days)
        {
            // "3 weeks or more" is just past three weeks, so it must not sit exactly on the threshold.
            return PainDuration.Lasting(_atLeast?.IsMatch(text) == true ? days + 1 : days);
        }

        return _recurrent?.IsMatch(text) == true ? PainDuration.Recurrent : null;
    }

    /// <summary>
    /// Builds the recognizer's English date-time model (hundreds of expressions, built on its first use) now, so the
    /// first person to answer "how long?" does not wait for it.
    /// </summary>
    public static void WarmUp() => DateTimeRecognizer.RecognizeDateTime("for about three weeks", Culture.English, DateTimeOptions.None, new DateTime(2026, 1, 1));

    /// <summary>"not sure", "I don't know", "can't remember": an honest answer without a length.</summary>
    public bool IsUnsure(string? answer) => answer is not null && _unsure?.IsMatch(Apostrophes(answer)) == true;

    private string Rewrite(string answer)
    {
        var text = Apostrophes(answer);
        foreach (var (phrase, rewrite) in _rewrites)
        {
            // An evaluator, so a rewrite is inserted as written ("$" would otherwise refer to a group).
            text = phrase.Replace(text, _ => rewrite);
        }

        return text;
    }

    private double? Recognized(string text, DateTime localNow)
    {
        double? longest = null;
        foreach (var result in DateTimeRecognizer.RecognizeDateTime(text, Culture.English, DateTimeOptions.None, localNow))
        {
            longest = Longest(longest, DaysFrom(result, localNow));
        }

        return longest;
    }

    private double? Vague(string text)
    {
        double? longest = null;
        foreach (var (phrase, days) in _vagueLengths.Where(v => v.Phrase.IsMatch(text)))
        {
            longest = Longest(longest, days);
        }

        return longest;
    }

    private double? DaysFrom(ModelResult result, DateTime localNow)
    {
        if (result.Resolution?.GetValueOrDefault("values") is not IEnumerable<Dictionary<string, string>> resolved)
        {
            return null;
        }

        var values = resolved.ToList();
        if (result.TypeName.EndsWith("duration", StringComparison.Ordinal))
        {
            var seconds = values
                .Select(v => double.TryParse(v.GetValueOrDefault("value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : (double?)null)
                .FirstOrDefault(s => s is not null);

            // "more than 3 weeks" comes back as three weeks marked "more": a little longer, as with "or more".
            var more = values.Any(v => v.GetValueOrDefault("Mod") == "more");
            return seconds / SecondsPerDay + (more ? 1 : 0);
        }

        // A season comes back named but without dates ("SU", "2025-WI").
        if (values.Select(v => SeasonStart(v.GetValueOrDefault("timex"), localNow)).FirstOrDefault(s => s is not null) is { } seasonStart)
        {
            return (localNow - seasonStart).TotalDays;
        }

        // "since before christmas" comes back as the time up to christmas: it began before that day, so a little longer.
        var before = values.Any(v => v.GetValueOrDefault("Mod") == "before");

        // "years now": "now" on its own is no starting point.
        var starts = values
            .Where(v => v.GetValueOrDefault("timex") != "PRESENT_REF")
            .Select(v => Start(v.GetValueOrDefault("start") ?? v.GetValueOrDefault("value") ?? (before ? v.GetValueOrDefault("end") : null), localNow))
            .OfType<DateTime>()
            .Select(start => before ? start.AddDays(-1) : start)
            .ToList();
        if (starts.Count == 0)
        {
            return null;
        }

        // "since March": when the year or week is left open the recognizer offers the dates either side
        // of now; the latest one not in the future is meant.
        var past = starts.Where(s => s <= localNow).ToList();
        if (past.Count > 0)
        {
            return (localNow - past.Max()).TotalDays;
        }

        // "since the weekend" on a Thursday: the recognizer offers only this week's, still ahead; the last one is meant.
        if (values.Any(v => v.GetValueOrDefault("timex")?.Contains("-W", StringComparison.Ordinal) == true))
        {
            var start = starts.Min();
            while (start > localNow)
            {
                start = start.AddDays(-7);
            }

            return (localNow - start).TotalDays;
        }

        return null;
    }

    /// <summary>
    /// The first day of the season a timex names, the latest one not after now: "since the summer" in
    /// December is this year's summer, in March last year's. A year the recognizer put on it ("last winter")
    /// is kept unless that season has not begun yet.
    /// </summary>
    private DateTime? SeasonStart(string? timex, DateTime localNow)
    {
        var match = timex is null ? null : SeasonTimex().Match(timex);
        if (match is not { Success: true })
        {
            return null;
        }

        var month = match.Groups["season"].Value switch
        {
            "SP" => _seasons.Spring,
            "SU" => _seasons.Summer,
            "FA" => _seasons.Autumn,
            _ => _seasons.Winter,
        };
        var year = match.Groups["year"].Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : localNow.Year;
        var start = new DateTime(year, month, 1);
        while (start > localNow)
        {
            start = start.AddYears(-1);
        }

        return start;
    }

    /// <summary>A resolved date or time; a time alone ("since the morning") is today's, by the user's clock rather than the server's.</summary>
    private static DateTime? Start(string? value, DateTime localNow)
    {
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.NoCurrentDateDefault, out var start))
        {
            return null;
        }

        return start.Date == DateTime.MinValue.Date ? localNow.Date + start.TimeOfDay : start;
    }

    private static double? Longest(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    /// <summary>Phones type curly apostrophes; the phrases are written with straight ones.</summary>
    private static string Apostrophes(string text) => text.Replace('\u2019', '\'').Replace('\u2018', '\'');

    /// <summary>
    /// One pattern for a list of phrases: whole words, any case, any run of spaces between words, and an
    /// apostrophe the user may leave out ("dont know"). Null for an empty list.
    /// </summary>
    private static Regex? AnyOf(IReadOnlyList<string> phrases)
    {
        if (phrases.Count == 0)
        {
            return null;
        }

        var alternatives = phrases.Select(phrase => string.Join(
            @"\s+",
            phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(word => Regex.Escape(word).Replace("'", "'?", StringComparison.Ordinal))));
        return new Regex(
            $@"(?<![\w']){"(" + string.Join("|", alternatives) + ")"}(?![\w'])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
    }

    /// <summary>One or more of <paramref name="words"/> and the word they qualify: "some weeks", "every other day".</summary>
    private static Regex FrequencyPhrase(IReadOnlyList<string> words) => new(
        $@"(?<![\w'])(?:(?:{string.Join("|", words.Select(Regex.Escape))})\s+)+[\w']+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    [GeneratedRegex(@"^(?:(?<year>\d{4})-)?(?<season>SP|SU|FA|WI)$", RegexOptions.CultureInvariant)]
    private static partial Regex SeasonTimex();
}

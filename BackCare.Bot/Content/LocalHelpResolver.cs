namespace BackCare.Bot.Content;

/// <summary>
/// Picks the <see cref="LocalHelp"/> for a user's locale, as Teams and the Emulator send it (Activity.Locale):
/// the exact locale ("en-GB", any case, "en_GB" too), then its language and region alone ("en-Latn-GB" or
/// "en-GB-x-private" as "en-GB"), then ever shorter prefixes, then the default. A bare language ("en") is not a
/// country, so it gets the default, which names no country's number.
/// </summary>
public sealed class LocalHelpResolver
{
    private readonly Dictionary<string, LocalHelp> _byLocale;

    public LocalHelpResolver(LocalHelpFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        Default = file.Default;
        _byLocale = new Dictionary<string, LocalHelp>(file.Locales, StringComparer.OrdinalIgnoreCase);
    }

    public LocalHelp Default { get; }

    public LocalHelp For(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return Default;
        }

        var subtags = locale.Trim().Replace('_', '-').Split('-', StringSplitOptions.RemoveEmptyEntries);
        foreach (var candidate in Candidates(subtags))
        {
            if (_byLocale.TryGetValue(candidate, out var help))
            {
                return help;
            }
        }

        return Default;
    }

    private static IEnumerable<string> Candidates(string[] subtags)
    {
        yield return string.Join('-', subtags);

        // The region is the first later subtag of two letters or three digits (BCP 47); a script ("Latn") is four letters.
        var region = subtags.Skip(1).FirstOrDefault(s => (s.Length == 2 && s.All(char.IsAsciiLetter)) || (s.Length == 3 && s.All(char.IsAsciiDigit)));
        if (region is not null)
        {
            yield return subtags[0] + "-" + region;
        }

        for (var length = subtags.Length - 1; length >= 1; length--)
        {
            yield return string.Join('-', subtags.Take(length));
        }
    }
}

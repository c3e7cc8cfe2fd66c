namespace BackCare.Bot.Content.Checks;

/// <summary>
/// local-help.json beyond its schema: no locale twice in another case, every value plain short text without a token
/// of its own. Gives each token's longest value, which every other text must fit with (<see cref="TextRules"/>).
/// </summary>
internal sealed class LocalHelpChecks(List<ContentError> errors)
{
    private const string File = ContentLoader.LocalHelpFile;

    public IReadOnlyDictionary<string, string> Check(LocalHelpFile localHelp)
    {
        // A value holds no token (that is checked below), so none needs filling in to measure it.
        var text = new TextRules(errors, new Dictionary<string, string>());
        var longest = new Dictionary<string, string>(StringComparer.Ordinal);

        // Locales are matched without regard to case, so "en-gb" and "en-GB" would be the same one twice; the schema
        // has checked each name's form (a language and a country).
        var entries = localHelp.Locales.Select(l => (Locale: l.Key, Help: l.Value, Path: $"$.locales.{l.Key}")).ToList();
        UniqueValues.FirstOfEach(entries, e => e.Locale, StringComparer.OrdinalIgnoreCase, (repeat, first) =>
            errors.Add(new ContentError(File, repeat.Path, $"repeats the locale {first.Path} (locales are matched without regard to case)")));

        foreach (var (help, path) in entries.Select(e => (e.Help, e.Path)).Prepend((localHelp.Default, "$.default")))
        {
            foreach (var name in LocalHelpTokens.Names)
            {
                var value = help.ValueOf(name);
                if (!text.Check(File, $"{path}.{name}", value, ContentLimits.ShortText))
                {
                    continue;
                }

                if (LocalHelpTokens.HasAny(value))
                {
                    errors.Add(new ContentError(File, $"{path}.{name}", "contains a local help token; a value is shown as written"));
                }

                if (!longest.TryGetValue(name, out var before) || value!.Length > before.Length)
                {
                    longest[name] = value!;
                }
            }
        }

        return longest;
    }
}

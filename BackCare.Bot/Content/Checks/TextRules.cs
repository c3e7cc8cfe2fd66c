using System.Buffers;

namespace BackCare.Bot.Content.Checks;

/// <summary>
/// What every text the bot shows must be, in whichever file: present, chat-sized once its local help tokens
/// (<see cref="LocalHelpTokens"/>) are filled in with each token's longest value over every locale, plain (no
/// markup Teams would render), and naming only known tokens, the emergency number never without its fallback.
/// </summary>
/// <param name="longestLocalHelp">Each token's longest value (<see cref="LocalHelpChecks"/>): a text must fit whichever the user gets.</param>
internal sealed class TextRules(List<ContentError> errors, IReadOnlyDictionary<string, string> longestLocalHelp)
{
    /// <summary>Characters Teams' markdown would turn into formatting or links; the texts are meant to render as written.</summary>
    private static readonly SearchValues<char> MarkupCharacters = SearchValues.Create("*_`<>#~[]");

    /// <summary>Checks one piece of text; returns whether it is present (so callers can go on to check what it refers to).</summary>
    /// <param name="label">A caption or id, matched against what a button sends back: one line, no tokens.</param>
    /// <param name="overflowsToMore">The entry has a "more" part that detail can move to, which the problem then suggests.</param>
    public bool Check(string file, string path, string? value, int maxLength, bool label = false, bool overflowsToMore = false)
    {
        if (value is null)
        {
            Add(file, path, "is missing; text is required here");
            return false;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            Add(file, path, "is empty; text is required here");
            return false;
        }

        // What the user reads is the text with its local help tokens filled in, so that is what must fit.
        var shown = LocalHelpTokens.Replace(value, name => longestLocalHelp.GetValueOrDefault(name));
        if (shown.Length > maxLength)
        {
            var filled = shown.Length == value.Length ? string.Empty : " with the longest local help values filled in";
            Add(file, path, $"is {shown.Length} characters long{filled}; the limit here is {maxLength} so it fits a chat window. Shorten it{(overflowsToMore ? " or move detail to \"more\"" : string.Empty)}");
        }

        CheckLocalHelpTokens(file, path, value, label);

        if (label && (value.Trim().Length != value.Length || value.Any(char.IsControl)))
        {
            Add(file, path, "must be a single line without leading or trailing spaces (it is matched against what a button sends back)");
        }
        else if (value.Any(ch => char.IsControl(ch) && ch != '\n'))
        {
            Add(file, path, "contains a control character (a tab or similar); only line breaks are allowed");
        }

        // Tokens are replaced before sending, so their brackets never reach Teams; any other bracket would.
        var plain = LocalHelpTokens.Strip(value);
        var markup = plain.AsSpan().IndexOfAny(MarkupCharacters);
        if (markup >= 0)
        {
            Add(file, path, $"contains '{plain[markup]}', which Teams would render as formatting; keep the text plain");
        }

        return true;
    }

    /// <summary>Checks each text of a list, at "path[k]".</summary>
    public void CheckEach(string file, string path, IReadOnlyList<string> items, int maxLength, bool label = false)
    {
        for (var k = 0; k < items.Count; k++)
        {
            Check(file, $"{path}[{k}]", items[k], maxLength, label);
        }
    }

    private void CheckLocalHelpTokens(string file, string path, string value, bool label)
    {
        foreach (var name in LocalHelpTokens.NamesIn(value))
        {
            if (label)
            {
                Add(file, path, $"contains [[{name}]]; a caption or id is matched against what a button sends back, so write it out");
            }
            else if (!LocalHelpTokens.Names.Contains(name, StringComparer.Ordinal))
            {
                Add(file, path, $"contains [[{name}]], which is not a local help token; use {string.Join(", ", LocalHelpTokens.Names.Select(n => $"[[{n}]]"))}");
            }
        }

        // The locale may be wrong (a traveller, a work laptop set to another country), so the number never stands alone.
        var number = $"[[{LocalHelpTokens.EmergencyNumber}]]";
        if (value.Replace(number + LocalHelpTokens.NumberFallback, string.Empty, StringComparison.Ordinal).Contains(number, StringComparison.Ordinal))
        {
            Add(file, path, $"has {number} without \"{LocalHelpTokens.NumberFallback}\" right after it; the user's locale may not be where they are");
        }
    }

    private void Add(string file, string path, string problem) => errors.Add(new ContentError(file, path, problem));
}

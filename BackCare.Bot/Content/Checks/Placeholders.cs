using System.Globalization;

namespace BackCare.Bot.Content.Checks;

/// <summary>
/// A text's format placeholders against what the code fills in (<see cref="MessageFormats"/>): each {n} it takes
/// present, none it does not, literal braces doubled; a text shown as written has no braces at all.
/// </summary>
internal static class Placeholders
{
    /// <param name="fills">What each placeholder is filled with, by index; empty for a text shown as written.</param>
    public static void Check(List<ContentError> errors, string file, string path, string text, IReadOnlyList<string> fills)
    {
        void Add(string problem) => errors.Add(new ContentError(file, path, problem));

        if (fills.Count == 0)
        {
            if (text.AsSpan().IndexOfAny('{', '}') >= 0)
            {
                Add("contains a brace, but this text is shown as written, not formatted: a placeholder such as {0} would appear literally");
            }

            return;
        }

        var takes = string.Join(" and ", fills.Select((fill, n) => $"{{{n}}} ({fill})"));
        var used = new SortedSet<int>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if ((c == '{' && next == '{') || (c == '}' && next == '}'))
            {
                i += 2;
                continue;
            }

            if (c == '}')
            {
                Add($"has a '}}' without a matching '{{' (write }}}} for a literal brace); this text takes {takes}");
                return;
            }

            if (c == '{')
            {
                var close = text.IndexOf('}', i);
                var inner = close < 0 ? text[(i + 1)..] : text[(i + 1)..close];
                var indexPart = inner.Split(',', ':')[0];
                if (close < 0 || !int.TryParse(indexPart, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    Add($"has \"{{{inner}{(close < 0 ? string.Empty : "}")}\", which is not a placeholder like {{0}} (write {{{{ for a literal brace); this text takes {takes}");
                    return;
                }

                used.Add(index);
                i = close + 1;
                continue;
            }

            i++;
        }

        foreach (var index in used.Where(n => n >= fills.Count))
        {
            Add($"uses {{{index}}}, which nothing fills: this text takes {takes}");
        }

        for (var n = 0; n < fills.Count; n++)
        {
            if (!used.Contains(n))
            {
                Add($"lacks {{{n}}} ({fills[n]}): this text takes {takes}");
            }
        }
    }
}

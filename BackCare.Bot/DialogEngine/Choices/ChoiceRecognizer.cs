using System.Globalization;
using System.Text;
using BackCare.Bot.Text;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace BackCare.Bot.DialogEngine.Choices;

/// <summary>
/// Finds which choice an answer means: by title, value or synonym (exact, then partial and tolerant
/// of small typos), by number ("2", "two") or by ordinal ("the second one", "last").
/// Microsoft.Recognizers.Text.Choice is not served here; numbers and ordinals come from
/// Microsoft.Recognizers.Text.Number, the word matching is ours.
/// </summary>
public static class ChoiceRecognizer
{
    private const double MinimumPartialScore = 0.5;

    private static readonly HashSet<string> FillerWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "one", "option", "please", "i", "want", "would", "like", "to", "choose", "pick", "take", "lets", "let's", "go", "with", "for", "me",
    };

    public static FoundChoice? Recognize(string? utterance, IList<Choice> choices, string culture = Culture.English)
    {
        if (string.IsNullOrWhiteSpace(utterance) || choices.Count == 0)
        {
            return null;
        }

        var normalized = Normalize(utterance);
        if (normalized.Length == 0)
        {
            return null;
        }

        return Exact(normalized, choices)
            ?? ByPosition(utterance, choices, culture)
            ?? Partial(normalized, choices);
    }

    /// <summary>Lower case, letters and digits only, single spaces.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = true;
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c) || c == '\'')
            {
                builder.Append(char.ToLowerInvariant(c));
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }

        return builder.ToString().Trim();
    }

    private static FoundChoice? Exact(string normalized, IList<Choice> choices)
    {
        for (var i = 0; i < choices.Count; i++)
        {
            foreach (var synonym in Names(choices[i]))
            {
                if (Normalize(synonym) == normalized)
                {
                    return new FoundChoice(choices[i].Value, i, 1.0, synonym);
                }
            }
        }

        return null;
    }

    private static FoundChoice? ByPosition(string utterance, IList<Choice> choices, string culture)
    {
        // A bare number picks by position: "2" or "two".
        var numbers = NumberRecognizer.RecognizeNumber(utterance, culture);
        if (numbers.Count == 1 && CoversUtterance(numbers[0], utterance) && TryGetInt(numbers[0], "value", out var number))
        {
            return AtIndex(choices, number - 1, 0.9);
        }

        // An ordinal picks by position: "the second one", "3rd", "the last one".
        foreach (var ordinal in NumberRecognizer.RecognizeOrdinal(utterance, culture))
        {
            if (!TryGetInt(ordinal, "offset", out var offset))
            {
                continue;
            }

            var relativeTo = ordinal.Resolution?.GetValueOrDefault("relativeTo") as string;
            var index = relativeTo switch
            {
                "end" => choices.Count - 1 + offset,
                "current" => -1,
                _ => offset - 1,
            };
            var found = AtIndex(choices, index, 0.9);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static bool CoversUtterance(ModelResult result, string utterance) =>
        Normalize(result.Text).Length >= Normalize(utterance).Length - 1;

    private static FoundChoice? AtIndex(IList<Choice> choices, int index, double score) =>
        index >= 0 && index < choices.Count ? new FoundChoice(choices[index].Value, index, score) : null;

    private static bool TryGetInt(ModelResult result, string key, out int value)
    {
        value = 0;
        var raw = result.Resolution?.GetValueOrDefault(key)?.ToString();
        if (!decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) || number != decimal.Truncate(number))
        {
            return false;
        }

        value = (int)number;
        return true;
    }

    /// <summary>Scores each choice by how many of its words the answer holds, allowing small typos.</summary>
    private static FoundChoice? Partial(string normalized, IList<Choice> choices)
    {
        var utteranceTokens = normalized.Split(' ').Where(t => !FillerWords.Contains(t)).ToArray();
        if (utteranceTokens.Length == 0)
        {
            return null;
        }

        FoundChoice? best = null;
        var tie = false;
        for (var i = 0; i < choices.Count; i++)
        {
            foreach (var name in Names(choices[i]))
            {
                var nameTokens = Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !FillerWords.Contains(t)).ToArray();
                if (nameTokens.Length == 0)
                {
                    continue;
                }

                var matched = nameTokens.Count(n => utteranceTokens.Any(u => IsCloseEnough(u, n)));
                if (matched == 0)
                {
                    continue;
                }

                // Both sides count: "knee" for "Knee to chest" is a good pick, "knee and back and more" less so.
                var score = 0.9 * ((double)matched / nameTokens.Length + (double)matched / utteranceTokens.Length) / 2;
                if (best is null || score > best.Score + 1e-9)
                {
                    tie = false;
                    best = new FoundChoice(choices[i].Value, i, score, name);
                }
                else if (Math.Abs(score - best.Score) < 1e-9 && best.Index != i)
                {
                    tie = true;
                }
            }
        }

        return best is not null && !tie && best.Score >= MinimumPartialScore * 0.9 ? best : null;
    }

    private static IEnumerable<string> Names(Choice choice)
    {
        yield return choice.Value;
        if (choice.Title != choice.Value)
        {
            yield return choice.Title;
        }

        foreach (var synonym in choice.Synonyms ?? [])
        {
            yield return synonym;
        }
    }

    /// <summary>Equal, or within one edit for words of 4+ letters and two edits for 8+.</summary>
    internal static bool IsCloseEnough(string typed, string expected)
    {
        if (typed == expected)
        {
            return true;
        }

        var allowed = expected.Length >= 8 ? 2 : expected.Length >= 4 ? 1 : 0;
        return allowed > 0 && EditDistance.Bounded(typed, expected, allowed, swapIsOneEdit: false) <= allowed;
    }
}

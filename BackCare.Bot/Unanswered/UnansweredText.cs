using System.Globalization;
using System.Text;

namespace BackCare.Bot.Unanswered;

/// <summary>
/// The form a message is counted under: lower case, whitespace collapsed, every digit masked as '#' (dates,
/// times, phone numbers and ages say nothing about the question and could identify someone) and at most
/// <see cref="MaxLength"/> characters, so a pasted essay is kept only as its start.
/// </summary>
public static class UnansweredText
{
    public const int MaxLength = 120;

    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(char.IsDigit(c) ? '#' : char.ToLower(c, CultureInfo.InvariantCulture));
            if (builder.Length > MaxLength)
            {
                return builder.ToString(0, MaxLength).TrimEnd() + "…";
            }
        }

        return builder.ToString();
    }
}

using System.Text.RegularExpressions;

namespace BackCare.Bot.Content;

/// <summary>
/// The local help tokens content may use in any text (<c>[[emergencyNumber]]</c>, <c>[[emergencyDepartment]]</c>,
/// <c>[[sameDayCare]]</c>), replaced with the user's <see cref="LocalHelp"/> just before a message is sent. Double
/// square brackets because <c>{0}</c> is string.Format's and <c>${x}</c> is Adaptive Card templating's.
/// </summary>
public static partial class LocalHelpTokens
{
    public const string EmergencyNumber = "emergencyNumber";
    public const string EmergencyDepartment = "emergencyDepartment";
    public const string SameDayCare = "sameDayCare";

    /// <summary>Every token name, as written between the brackets.</summary>
    public static IReadOnlyList<string> Names { get; } = [EmergencyNumber, EmergencyDepartment, SameDayCare];

    /// <summary>What content writes right after <c>[[emergencyNumber]]</c>, every time.</summary>
    public const string NumberFallback = " (or your local emergency number)";

    /// <summary>What opens a token; it never reaches a user once tokens are replaced.</summary>
    public const string Opening = "[[";

    /// <summary>Whether <paramref name="text"/> has anything written like a token, known or not.</summary>
    public static bool HasAny(string? text) => text is not null && text.Contains(Opening, StringComparison.Ordinal);

    /// <summary>The names written as tokens in <paramref name="text"/>, in order, known or not.</summary>
    public static IEnumerable<string> NamesIn(string text) => Token().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary><paramref name="text"/> with every known token replaced by its value in <paramref name="help"/>; anything else is left as written.</summary>
    public static string Replace(string text, LocalHelp help) => Replace(text, help.ValueOf);

    /// <summary><paramref name="text"/> with every known token replaced by <paramref name="valueOf"/>'s value for its name.</summary>
    public static string Replace(string text, Func<string, string?> valueOf) =>
        HasAny(text) ? Token().Replace(text, m => valueOf(m.Groups[1].Value) ?? m.Value) : text;

    /// <summary><paramref name="text"/> with every token (known or not) taken out, for checks of the text around them.</summary>
    public static string Strip(string text) => HasAny(text) ? Token().Replace(text, string.Empty) : text;

    [GeneratedRegex(@"\[\[([^\[\]]*)\]\]", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}

namespace BackCare.Bot.Pictures;

/// <summary>What BackCare:PublicBaseUrl may be: empty (no public address), or an absolute https URL with no query or fragment.</summary>
public static class PublicBaseUrl
{
    public static bool IsValid(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Query.Length == 0 && uri.Fragment.Length == 0);
}

using System.Security.Cryptography;
using System.Text;

namespace BackCare.Bot.Storage;

/// <summary>
/// Blob names for storage keys. Keys are whatever the SDK makes of channel, conversation and user ids
/// ("msteams/conversations/19:abc…@thread.tacv2"): slashes would make virtual folders, and some characters,
/// trailing dots and lengths over 1,024 are not allowed or not safe in a blob name. So a name is a readable,
/// sanitised prefix of the key (for someone looking at the container) and a SHA-256 of the exact key (what
/// makes it unique, case and all).
/// </summary>
internal static class BlobNames
{
    private const int MaxReadablePrefix = 120;

    public static string For(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var readable = new StringBuilder(Math.Min(key.Length, MaxReadablePrefix) + 65);
        foreach (var c in key)
        {
            if (readable.Length == MaxReadablePrefix)
            {
                break;
            }

            readable.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return readable.Append('.').Append(hash).ToString();
    }
}

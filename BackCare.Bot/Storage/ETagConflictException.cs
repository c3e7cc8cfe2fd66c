namespace BackCare.Bot.Storage;

/// <summary>
/// A write of an <see cref="Microsoft.Bot.Builder.IStoreItem"/> whose ETag is not the stored one: someone else
/// saved the item since it was read. It derives from <see cref="ArgumentException"/> because that is what the
/// SDK's own MemoryStorage throws for the same condition (the SDK has no dedicated exception type), so code
/// written against MemoryStorage catches it unchanged; the message starts the same way too.
/// </summary>
public sealed class ETagConflictException : ArgumentException
{
    public ETagConflictException(string key, string? expected, string? current)
        : base($"Etag conflict on a stored item. Original: {expected ?? "(none)"}, current: {current ?? "(deleted)"}.")
    {
        Key = key;
        Expected = expected;
        Current = current;
    }

    /// <summary>The storage key written; not in the message, which is logged, because keys name conversations and users.</summary>
    public string Key { get; }

    /// <summary>The ETag the writer had.</summary>
    public string? Expected { get; }

    /// <summary>The ETag the storage holds.</summary>
    public string? Current { get; }

    /// <summary>
    /// Whether <paramref name="exception"/> is a stale-ETag write from any of the bot's storages,
    /// MemoryStorage included (which throws a plain ArgumentException whose message starts "Etag conflict").
    /// </summary>
    public static bool IsETagConflict(Exception exception) =>
        exception is ETagConflictException
        || (exception is ArgumentException { ParamName: null } argument && argument.Message.StartsWith("Etag conflict", StringComparison.Ordinal));
}

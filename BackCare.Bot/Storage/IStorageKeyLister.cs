namespace BackCare.Bot.Storage;

/// <summary>
/// A storage that can list its keys, page by page, so the retention sweep can find what has expired. IStorage
/// itself only reads keys it is given.
/// </summary>
public interface IStorageKeyLister
{
    /// <summary>Every stored key, in pages of at most <paramref name="pageSize"/>; keys written meanwhile may or may not appear.</summary>
    IAsyncEnumerable<IReadOnlyList<string>> ListKeysAsync(int pageSize, CancellationToken cancellationToken);
}

using BackCare.Bot.Storage;
using Microsoft.Bot.Builder;

namespace BackCare.Bot.Telemetry;

/// <summary>
/// <see cref="TracedStorage"/> over a storage that can list its keys, still listing them, so the retention sweep
/// (which needs <see cref="IStorageKeyLister"/>) keeps working under the tracing.
/// </summary>
public sealed class TracedListableStorage(IStorage inner, IStorageKeyLister lister) : TracedStorage(inner), IStorageKeyLister
{
    public IAsyncEnumerable<IReadOnlyList<string>> ListKeysAsync(int pageSize, CancellationToken cancellationToken) =>
        lister.ListKeysAsync(pageSize, cancellationToken);
}

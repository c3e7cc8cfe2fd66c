using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace BackCare.Bot.Tests.DialogEngine;

/// <summary>
/// An IStorage that keeps each item as JSON text, as Blob and Cosmos DB storage do. Unlike
/// MemoryStorage (which keeps JObjects whose JValues still hold the original CLR values), reading
/// back parses the text, so an int saved in an object-typed slot comes back as a long; without
/// <see cref="TypeNameHandling"/> typed objects come back as JObjects.
/// </summary>
public sealed class JsonTextStorage(TypeNameHandling typeNameHandling = TypeNameHandling.All) : IStorage
{
    private readonly Dictionary<string, string> _items = new(StringComparer.Ordinal);
    private readonly JsonSerializerSettings _settings = new() { TypeNameHandling = typeNameHandling, MaxDepth = null };

    public IReadOnlyDictionary<string, string> Items => _items;

    /// <summary>Rewrites every stored item's JSON text, as a redeploy that changed a stored shape would find it.</summary>
    public void EditAll(Func<string, string> edit)
    {
        foreach (var key in _items.Keys.ToList())
        {
            _items[key] = edit(_items[key]);
        }
    }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        IDictionary<string, object> found = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (_items.TryGetValue(key, out var json))
            {
                found[key] = JsonConvert.DeserializeObject(json, _settings)!;
            }
        }

        return Task.FromResult(found);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        foreach (var (key, value) in changes)
        {
            _items[key] = JsonConvert.SerializeObject(value, _settings);
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        foreach (var key in keys)
        {
            _items.Remove(key);
        }

        return Task.CompletedTask;
    }
}

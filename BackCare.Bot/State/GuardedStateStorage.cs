using System.Runtime.CompilerServices;
using BackCare.Bot.DialogEngine;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.State;

/// <summary>
/// The storage as ConversationState and UserState see it. BotState saves plain dictionaries, which no
/// IStorage checks for concurrent changes, so two instances serving one conversation could silently
/// overwrite each other. This wraps each dictionary in a <see cref="StateEnvelope"/> carrying the
/// ETag it was read with, so the underlying storage rejects a stale write; that surfaces as a
/// <see cref="StateConflictException"/>, and any other storage failure as a
/// <see cref="StorageUnavailableException"/>, so the turn error handler can tell the user plainly.
/// </summary>
public sealed class GuardedStateStorage(IStorage inner, TimeProvider time) : IStorage
{
    /// <summary>Stands, in <c>expected</c>, for "nothing was stored when this was read" (written with no ETag).</summary>
    private const string NewItem = "";

    /// <summary>The ETag each state dictionary handed to BotState was read with; weak, so nothing outlives its turn.</summary>
    private readonly ConditionalWeakTable<object, string> _readETags = new();

    /// <summary>Dictionaries this wrapper has saved once already (in their turn).</summary>
    private readonly ConditionalWeakTable<object, object?> _saved = new();

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        IDictionary<string, object> items;
        try
        {
            items = await inner.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new StorageUnavailableException("read", e);
        }

        var result = new Dictionary<string, object>(items.Count, StringComparer.Ordinal);
        foreach (var (key, value) in items)
        {
            if (Unwrap(value) is { State: { } state } envelope)
            {
                // A storage that returned no ETag gives nothing to check against: a save overwrites, as before.
                _readETags.AddOrUpdate(state, envelope.ETag ?? "*");
                result[key] = state;
            }
            else
            {
                // Stored unwrapped (by an older version of the bot): no version to check, so a save overwrites it.
                // Converted here rather than by BotState, so the dictionary it saves is the one registered.
                var plain = value is JObject json ? json.ToObject<Dictionary<string, object>>()! : value;
                _readETags.AddOrUpdate(plain, "*");
                result[key] = plain;
            }
        }

        return result;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        var wrapped = new Dictionary<string, object>(changes.Count, StringComparer.Ordinal);
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            if (value is IDictionary<string, object> state)
            {
                // Read with an ETag: the storage must still hold that version. New state (nothing was stored when it
                // was read): no ETag, which the storage refuses over an existing item, so two instances both starting
                // a conversation cannot overwrite each other. The storage gives a saved version a new ETag this wrapper
                // does not see: a second save of the same dictionary in one turn overwrites ("*") rather than failing
                // against its own first save.
                var etag = _readETags.TryGetValue(state, out var read) ? read
                    : _saved.TryGetValue(state, out _) ? "*"
                    : NewItem;
                wrapped[key] = new StateEnvelope { ETag = etag == NewItem ? null : etag, State = state, SavedAt = time.GetUtcNow() };
                expected[key] = etag;
                _readETags.Remove(state);
                _saved.AddOrUpdate(state, null);
            }
            else
            {
                wrapped[key] = value;
            }
        }

        try
        {
            await inner.WriteAsync(wrapped, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw await ExplainWriteFailureAsync(expected, e, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.DeleteAsync(keys, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new StorageUnavailableException("delete", e);
        }
    }

    private static StateEnvelope? Unwrap(object? value) => value switch
    {
        StateEnvelope envelope => envelope,
        JObject json when json.ContainsKey(nameof(StateEnvelope.State)) => StateValue.To<StateEnvelope>(json),
        _ => null,
    };

    /// <summary>A failed write is a conflict when a key written with an ETag now holds another one; otherwise the storage failed.</summary>
    private async Task<Exception> ExplainWriteFailureAsync(Dictionary<string, string> expected, Exception failure, CancellationToken cancellationToken)
    {
        var checkedKeys = expected.Where(e => e.Value != "*").Select(e => e.Key).ToArray();
        if (checkedKeys.Length > 0)
        {
            try
            {
                var current = await inner.ReadAsync(checkedKeys, cancellationToken).ConfigureAwait(false);
                foreach (var key in checkedKeys)
                {
                    // Another save got there first: a new item now exists, or a read one has another version, or was
                    // deleted ("forget me") since it was read.
                    var found = current.TryGetValue(key, out var value);
                    if (found ? expected[key] == NewItem || Unwrap(value)?.ETag != expected[key] : expected[key] != NewItem)
                    {
                        return new StateConflictException(key, failure);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The storage cannot even be read: an outage, reported as such below.
            }
        }

        return new StorageUnavailableException("write", failure);
    }
}

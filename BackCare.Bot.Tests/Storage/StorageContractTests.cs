using BackCare.Bot.DialogEngine;
using BackCare.Bot.Storage;
using Microsoft.Bot.Builder;

namespace BackCare.Bot.Tests.Storage;

/// <summary>
/// The IStorage contract as the SDK's MemoryStorage keeps it, run against every storage the bot can use
/// (MemoryStorage itself included, so the facts are checked against the reference). ETag rules, checked by
/// experiment on Microsoft.Bot.Builder 4.23.1's MemoryStorage: an IStoreItem written over a stored one must
/// carry the stored ETag or "*" (a null or empty ETag is a conflict too); a key not stored takes any ETag;
/// values that are not IStoreItems are never checked; a conflict is an ArgumentException. One rule is the bot's own,
/// stricter than MemoryStorage's: an item read with an ETag and deleted since is not written back (a conflict).
/// </summary>
public abstract class StorageContractTests
{
    /// <summary>
    /// Whether a checked write over a deleted item is a conflict (the bot's storages), or re-creates it (MemoryStorage,
    /// where a missing key takes any ETag; it serves one process in tests, where no turn is in flight elsewhere).
    /// </summary>
    protected virtual bool KeepsDeletedItemsDeleted => true;

    /// <summary>The storage under test, empty at the start of each test.</summary>
    protected abstract IStorage Storage { get; }

    /// <summary>A new instance over the same data (a restart, or a second bot instance): the same object where nothing persists.</summary>
    protected abstract IStorage OpenAnother();

    [Fact]
    public async Task Reading_missing_keys_gives_nothing_and_reading_some_gives_only_those_stored()
    {
        Assert.Empty(await Storage.ReadAsync(["nobody"]));
        Assert.Empty(await Storage.ReadAsync([]));

        await Storage.WriteAsync(new Dictionary<string, object> { ["here"] = new StoredValue { Name = "here" } });
        var read = await Storage.ReadAsync(["here", "nobody"]);

        Assert.Equal(["here"], read.Keys);
    }

    [Fact]
    public async Task Values_are_read_back_with_their_types_and_contents()
    {
        await Storage.WriteAsync(new Dictionary<string, object>
        {
            ["item"] = new StoredItem { Name = "twist", Count = 3, Tags = ["a", "b"] },
            ["value"] = new StoredValue { Name = "pose", Count = 7 },
        });

        var read = await Storage.ReadAsync(["item", "value"]);

        var item = Assert.IsType<StoredItem>(read["item"]);
        Assert.Equal(("twist", 3), (item.Name, item.Count));
        Assert.Equal(["a", "b"], item.Tags);
        var value = Assert.IsType<StoredValue>(read["value"]);
        Assert.Equal(("pose", 7), (value.Name, value.Count));
    }

    [Fact]
    public async Task Bot_state_dictionaries_with_dialog_state_come_back_usable()
    {
        var dialogs = new DialogState { DialogStack = [new DialogInstance { Id = "walkthrough", State = new Dictionary<string, object?> { ["step"] = 2, ["technique"] = "childs-pose" } }] };
        await Storage.WriteAsync(new Dictionary<string, object> { ["conv"] = new Dictionary<string, object> { ["DialogState"] = dialogs } });

        var read = Assert.IsAssignableFrom<IDictionary<string, object>>((await Storage.ReadAsync(["conv"]))["conv"]);

        var stack = StateValue.To<DialogState>(read["DialogState"])!.DialogStack;
        Assert.Equal("walkthrough", Assert.Single(stack).Id);
        Assert.Equal(2, stack[0].State.GetValue<int>("step"));
        Assert.Equal("childs-pose", stack[0].State.GetValue<string>("technique"));
    }

    [Fact]
    public async Task Delete_removes_the_key_and_deleting_a_missing_key_is_fine()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["a"] = new StoredItem(), ["b"] = new StoredValue() });

        await Storage.DeleteAsync(["a", "never-there"]);
        await Storage.DeleteAsync(["a"]);

        Assert.Equal(["b"], (await Storage.ReadAsync(["a", "b"])).Keys);
    }

    [Fact]
    public async Task A_value_written_as_null_reads_as_missing()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["a"] = new StoredValue() });

        await Storage.WriteAsync(new Dictionary<string, object> { ["a"] = null! });

        Assert.Empty(await Storage.ReadAsync(["a"]));
    }

    [Fact]
    public async Task Every_write_of_an_item_gives_it_a_new_etag()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["a"] = new StoredItem { Count = 1 } });
        var first = await ReadItemAsync("a");
        Assert.False(string.IsNullOrEmpty(first.ETag));

        first.Count = 2;
        await Storage.WriteAsync(new Dictionary<string, object> { ["a"] = first });
        var second = await ReadItemAsync("a");

        Assert.False(string.IsNullOrEmpty(second.ETag));
        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal(2, second.Count);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_fails_and_changes_nothing()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["a"] = new StoredItem { Count = 1 } });
        var stale = await ReadItemAsync("a");
        var fresh = await ReadItemAsync("a");
        fresh.Count = 2;
        await Storage.WriteAsync(new Dictionary<string, object> { ["a"] = fresh });

        stale.Count = 99;
        await AssertConflictAsync(() => Storage.WriteAsync(new Dictionary<string, object> { ["a"] = stale }));

        Assert.Equal(2, (await ReadItemAsync("a")).Count);
    }

    [Fact]
    public async Task A_star_etag_overwrites_whatever_is_stored()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["a"] = new StoredItem { Count = 1 } });
        var before = await ReadItemAsync("a");

        await Storage.WriteAsync(new Dictionary<string, object> { ["a"] = new StoredItem { Count = 5, ETag = "*" } });

        var after = await ReadItemAsync("a");
        Assert.Equal(5, after.Count);
        Assert.NotEqual(before.ETag, after.ETag);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("*")]
    public async Task A_key_not_stored_takes_an_item_with_no_etag_or_star(string? etag)
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["new"] = new StoredItem { Count = 1, ETag = etag } });

        Assert.Equal(1, (await ReadItemAsync("new")).Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task An_item_without_an_etag_does_not_overwrite_a_stored_item(string? etag)
    {
        // MemoryStorage's rule (checked on 4.23.1): only "*" says "overwrite whatever is there".
        await Storage.WriteAsync(new Dictionary<string, object> { ["a"] = new StoredItem { Count = 1 } });

        await AssertConflictAsync(() => Storage.WriteAsync(new Dictionary<string, object> { ["a"] = new StoredItem { Count = 2, ETag = etag } }));

        Assert.Equal(1, (await ReadItemAsync("a")).Count);
    }

    [Fact]
    public async Task Values_without_an_etag_are_never_checked_and_the_last_write_wins()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["v"] = new StoredValue { Count = 1 } });
        await Storage.WriteAsync(new Dictionary<string, object> { ["v"] = new StoredValue { Count = 2 } });

        // An item written over a plain value: the value had no ETag, so there is nothing to check against.
        await Storage.WriteAsync(new Dictionary<string, object> { ["v"] = new StoredItem { Count = 3, ETag = "whatever" } });

        Assert.Equal(3, (await ReadItemAsync("v")).Count);
    }

    [Fact]
    public async Task Of_two_concurrent_writers_with_the_same_etag_exactly_one_wins()
    {
        var other = OpenAnother();
        for (var round = 0; round < 5; round++)
        {
            var key = "contended-" + round;
            await Storage.WriteAsync(new Dictionary<string, object> { [key] = new StoredItem { Name = "start" } });
            var mine = await ReadItemAsync(key);
            var theirs = Assert.IsType<StoredItem>((await other.ReadAsync([key]))[key]);
            Assert.Equal(mine.ETag, theirs.ETag);
            mine.Name = "mine";
            theirs.Name = "theirs";

            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var writes = new[]
            {
                Task.Run(async () => { await gate.Task; await Storage.WriteAsync(new Dictionary<string, object> { [key] = mine }); }),
                Task.Run(async () => { await gate.Task; await other.WriteAsync(new Dictionary<string, object> { [key] = theirs }); }),
            };
            gate.SetResult();
            await Task.WhenAll(writes).ContinueWith(_ => { }, TaskScheduler.Default);

            var failed = Assert.Single(writes, w => w.IsFaulted);
            Assert.True(ETagConflictException.IsETagConflict(failed.Exception!.InnerException!), failed.Exception.ToString());
            var winner = writes[0].IsFaulted ? "theirs" : "mine";
            Assert.Equal(winner, (await ReadItemAsync(key)).Name);
        }
    }

    [Fact]
    public async Task Read_modify_write_with_etags_from_two_instances_loses_no_update()
    {
        // What a bot does with its state: read, change, write with the ETag read, and on a conflict read again.
        const int Workers = 4, Increments = 10;
        await Storage.WriteAsync(new Dictionary<string, object> { ["counter"] = new StoredItem { Count = 0 } });
        var storages = new[] { Storage, OpenAnother() };

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            var storage = storages[worker % storages.Length];
            for (var done = 0; done < Increments;)
            {
                var item = Assert.IsType<StoredItem>((await storage.ReadAsync(["counter"]))["counter"]);
                item.Count++;
                try
                {
                    await storage.WriteAsync(new Dictionary<string, object> { ["counter"] = item });
                    done++;
                }
                catch (ArgumentException e) when (ETagConflictException.IsETagConflict(e))
                {
                    // Someone else's increment got in first: read it and try again.
                }
            }
        })));

        Assert.Equal(Workers * Increments, (await ReadItemAsync("counter")).Count);
    }

    [Fact]
    public async Task Keys_with_odd_characters_are_kept_apart_and_round_trip()
    {
        string[] keys =
        [
            "msteams/conversations/19:abc@thread.tacv2;messageid=1",
            "msteams_conversations_19_abc_thread_tacv2_messageid_1",
            "with space", "with  space", "With Space", "trailing.", "../../etc/passwd", "back\\slash", "?query=1&x#frag", "%2F",
            "ünïcödé/ключ/鍵/🙂", new string('k', 300), new string('é', 300), "",
        ];
        var changes = keys.Select((key, i) => (key, i)).ToDictionary(p => p.key, p => (object)new StoredItem { Name = p.key, Count = p.i }, StringComparer.Ordinal);

        await Storage.WriteAsync(changes);
        var read = await Storage.ReadAsync(keys);

        Assert.Equal(keys.Length, read.Count);
        for (var i = 0; i < keys.Length; i++)
        {
            var item = Assert.IsType<StoredItem>(read[keys[i]]);
            Assert.Equal((keys[i], i), (item.Name, item.Count));
        }

        await Storage.DeleteAsync(keys[..3]);
        Assert.Equal(keys.Length - 3, (await Storage.ReadAsync(keys)).Count);
    }

    [Fact]
    public async Task A_value_of_about_a_megabyte_round_trips()
    {
        var big = string.Concat(Enumerable.Range(0, 1 << 20).Select(i => (char)('a' + (i % 26))));
        var unicode = string.Concat(Enumerable.Repeat("ß→🙂", 1000));

        await Storage.WriteAsync(new Dictionary<string, object> { ["big"] = new StoredItem { Name = big, Tags = [unicode] } });

        var item = await ReadItemAsync("big");
        Assert.Equal(big, item.Name);
        Assert.Equal(unicode, Assert.Single(item.Tags));
    }

    [Fact]
    public async Task A_new_instance_over_the_same_data_sees_it_and_keeps_checking_etags()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["item"] = new StoredItem { Count = 1 }, ["value"] = new StoredValue { Count = 2 } });
        var before = await ReadItemAsync("item");

        var restarted = OpenAnother();
        var read = await restarted.ReadAsync(["item", "value"]);

        var item = Assert.IsType<StoredItem>(read["item"]);
        Assert.Equal((1, before.ETag), (item.Count, item.ETag));
        Assert.Equal(2, Assert.IsType<StoredValue>(read["value"]).Count);

        item.Count = 10;
        await restarted.WriteAsync(new Dictionary<string, object> { ["item"] = item });
        await AssertConflictAsync(() => Storage.WriteAsync(new Dictionary<string, object> { ["item"] = before }));
        Assert.Equal(10, (await ReadItemAsync("item")).Count);
    }

    [Fact]
    public async Task An_item_deleted_between_its_read_and_a_checked_write_stays_deleted()
    {
        // A turn in flight read the item; "forget me" deleted it; the turn now saves what it read.
        await Storage.WriteAsync(new Dictionary<string, object> { ["a"] = new StoredItem { Count = 1 } });
        var read = await ReadItemAsync("a");
        await OpenAnother().DeleteAsync(["a"]);
        read.Count = 2;

        if (!KeepsDeletedItemsDeleted)
        {
            await Storage.WriteAsync(new Dictionary<string, object> { ["a"] = read });
            Assert.Equal(2, (await ReadItemAsync("a")).Count);
            return;
        }

        await AssertConflictAsync(() => Storage.WriteAsync(new Dictionary<string, object> { ["a"] = read }));
        Assert.Empty(await Storage.ReadAsync(["a"]));
        Assert.Empty(await OpenAnother().ReadAsync(["a"]));
    }

    /// <summary>A function, not a task: MemoryStorage throws before it returns one.</summary>
    protected static async Task AssertConflictAsync(Func<Task> write)
    {
        var conflict = await Assert.ThrowsAnyAsync<ArgumentException>(write);
        Assert.True(ETagConflictException.IsETagConflict(conflict), conflict.ToString());
    }

    protected async Task<StoredItem> ReadItemAsync(string key) =>
        Assert.IsType<StoredItem>(Assert.Contains(key, await Storage.ReadAsync([key])));
}

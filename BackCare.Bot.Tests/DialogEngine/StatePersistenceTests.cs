using BackCare.Bot.DialogEngine;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using static BackCare.Bot.Tests.DialogEngine.TestDialogs;

namespace BackCare.Bot.Tests.DialogEngine;

/// <summary>Waterfall values and prompt state saved in ConversationState, read back across turns and restarts.</summary>
public sealed class StatePersistenceTests
{
    /// <summary>Builds the dialogs afresh, as a restarted bot would.</summary>
    private static ComponentDialog ProfileRoot() => Root(
        new WaterfallDialog("main", [
            PromptStep("text", "Name?"),
            async (step, ct) =>
            {
                step.Values["name"] = step.Result;
                return await step.PromptAsync("number", Ask("Age?"), ct);
            },
            async (step, ct) =>
            {
                step.Values["age"] = step.Result;
                return await step.PromptAsync("confirm", Ask("Save?"), ct);
            },
            ReplyStep(step => $"{step.Values.GetValue<string>("name")} is {step.Values.GetValue<int>("age")}, save={step.Result}"),
        ]),
        new TextPrompt("text"),
        new NumberPrompt<int>("number"),
        new ConfirmPrompt("confirm"));

    [Fact]
    public async Task Values_SurviveAcrossTurns()
    {
        var harness = new DialogTestHarness(ProfileRoot());

        await harness.Flow()
            .Send("hi")
            .AssertReply("Name?")
            .Send("Ann")
            .AssertReply("Age?")
            .Send("42")
            .AssertReply(a => Assert.Equal("Save?", a.AsMessageActivity().Text))
            .Send("yes")
            .AssertReply("Ann is 42, save=True")
            .StartTestAsync();
    }

    [Fact]
    public async Task Values_SurviveANewAdapterAndConversationStateOverTheSameStorage()
    {
        var storage = new MemoryStorage();
        var first = new DialogTestHarness(ProfileRoot(), storage);
        await first.Flow()
            .Send("hi")
            .AssertReply("Name?")
            .Send("Ann")
            .AssertReply("Age?")
            .StartTestAsync();

        // As after a restart: new dialogs, new TestAdapter, new ConversationState, same storage.
        // (Each harness gives its activities ids of its own: a new TestAdapter would number them
        // from 0 again, and RunAsync would take "1" for a re-delivery of the first harness's "1".)
        var second = new DialogTestHarness(ProfileRoot(), storage);
        await second.Flow()
            .Send("42")
            .AssertReply("Save?")
            .Send("no")
            .AssertReply("Ann is 42, save=False")
            .StartTestAsync();

        Assert.DoesNotContain(second.DeliveredActivityIds, first.DeliveredActivityIds.Contains);
    }

    [Fact]
    public async Task TwoConversations_SharingTheDialogsAndTheStorage_DoNotMixUp()
    {
        // Dialogs are shared singletons: everything per-conversation must live in the saved state.
        var root = ProfileRoot();
        var storage = new MemoryStorage();
        var ann = new DialogTestHarness(root, storage, conversationId: "conversation-ann");
        var bob = new DialogTestHarness(root, storage, conversationId: "conversation-bob");

        await ann.Flow().Send("hi").AssertReply("Name?").Send("Ann").AssertReply("Age?").StartTestAsync();
        await bob.Flow().Send("hi").AssertReply("Name?").Send("Bob").AssertReply("Age?").Send("51").AssertReply("Save?").StartTestAsync();
        await ann.Flow().Send("34").AssertReply("Save?").Send("yes").AssertReply("Ann is 34, save=True").StartTestAsync();
        await bob.Flow().Send("no").AssertReply("Bob is 51, save=False").StartTestAsync();

        ann.AssertNoPendingReplies();
        bob.AssertNoPendingReplies();
    }

    [Fact]
    public async Task AnIntStored_ComesBackFromStorageAsALong_AndReadsBackAsAnInt()
    {
        var raw = new List<object?>();
        var counts = new List<int>();
        var main = new WaterfallDialog("main", [
            async (step, ct) =>
            {
                step.Values["count"] = 41;
                return await step.PromptAsync("text", Ask("Again?"), ct);
            },
            async (step, ct) =>
            {
                raw.Add(step.Values["count"]);
                var count = step.Values.GetValue<int>("count");
                counts.Add(count);
                step.Values["count"] = count + 1;
                return await step.PromptAsync("text", Ask("Once more?"), ct);
            },
            (step, ct) =>
            {
                raw.Add(step.Values["count"]);
                counts.Add(StateValue.To<int>(step.Values["count"]));
                return step.EndDialogAsync(null, ct);
            },
        ]);
        // MemoryStorage keeps JObjects whose values are still ints; storage that keeps JSON text
        // (Blob, Cosmos DB) gives back longs.
        var harness = new DialogTestHarness(Root(main, new TextPrompt("text")), new JsonTextStorage());

        await harness.Flow()
            .Send("hi")
            .AssertReply("Again?")
            .Send("yes")
            .AssertReply("Once more?")
            .Send("yes")
            .StartTestAsync();

        // Precondition: the storage really did hand back longs, so the tolerant read was exercised.
        Assert.All(raw, value => Assert.IsType<long>(value));
        Assert.Equal([41, 42], counts);
    }

    [Fact]
    public async Task State_WorksWithAStorageThatKeepsNoTypeNames()
    {
        // A serializer without TypeNameHandling gives back JObjects, JArrays and longs, as some
        // IStorage implementations do: the stack, the prompt options and the values must still work.
        var storage = new JsonTextStorage(TypeNameHandling.None);
        var harness = new DialogTestHarness(ProfileRoot(), storage);

        await harness.Flow()
            .Send("hi")
            .AssertReply("Name?")
            .Send("Ann")
            .AssertReply("Age?")
            .Send("not a number")
            .AssertReply("Age?")
            .Send("42")
            .AssertReply("Save?")
            .Send("yes")
            .AssertReply("Ann is 42, save=True")
            .StartTestAsync();

        harness.AssertNoPendingReplies();
    }

    [Fact]
    public void StateValue_To_ConvertsWhatStorageGivesBack()
    {
        Assert.Equal(42, StateValue.To<int>(42L));
        Assert.Equal(42L, StateValue.To<long>(42));
        Assert.Equal(7, StateValue.To<int?>(7L));
        Assert.Null(StateValue.To<int?>(null));
        Assert.Null(StateValue.To<string>(JValue.CreateNull()));
        Assert.Equal(1.5, StateValue.To<double>(new JValue(1.5)));
        Assert.True(StateValue.To<bool>(new JValue(true)));
        Assert.Equal(DayOfWeek.Tuesday, StateValue.To<DayOfWeek>(2L));
        Assert.Equal(["a", "b"], StateValue.To<List<string>>(new JArray("a", "b"))!);

        var options = StateValue.To<PromptOptions>(JObject.FromObject(Ask("Question?", "Again?", "One", "Two")))!;
        Assert.Equal("Question?", options.Prompt?.Text);
        Assert.Equal("Again?", options.RetryPrompt?.Text);
        Assert.Equal(["One", "Two"], options.Choices!.Select(c => c.Value));
    }

    [Fact]
    public void StateValue_GetValue_FallsBackWhenMissingOrNull()
    {
        var state = new Dictionary<string, object?> { ["n"] = 3L, ["nothing"] = null };

        Assert.Equal(3, state.GetValue<int>("n"));
        Assert.Equal(9, state.GetValue("missing", 9));
        Assert.Equal(9, state.GetValue("nothing", 9));
        Assert.Null(state.GetValue<string>("missing"));
    }
}

using System.Diagnostics;
using BackCare.Bot.DialogEngine;
using BackCare.Bot.State;
using BackCare.Bot.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Tests.Storage;

/// <summary>Which $types stored state may name: the bot's own, the Bot Framework's, primitives and generic collections.</summary>
public sealed class StateSerializationBinderTests
{
    public static TheoryData<Type> Allowed() => new(
        typeof(Dictionary<string, object>), typeof(List<string>), typeof(IDictionary<string, object?>), typeof(DialogState), typeof(List<DialogInstance>),
        typeof(UserProfile), typeof(ScreeningOutcome), typeof(Microsoft.Bot.Schema.Activity), typeof(int?), typeof(long[]), typeof(DateTimeOffset), typeof(Guid),
        typeof(KeyValuePair<string, int>), typeof(StoredItem));

    public static TheoryData<Type> Refused() => new(
        typeof(Process), typeof(FileInfo), typeof(List<FileInfo>), typeof(Dictionary<string, Process>), typeof(FileInfo[]),
        typeof(System.Collections.Hashtable), typeof(JsonSerializer), typeof(System.Reflection.Assembly));

    [Theory]
    [MemberData(nameof(Allowed))]
    public void The_types_the_bot_stores_are_allowed(Type type)
    {
        StateSerializationBinder.Instance.BindToName(type, out var assembly, out var name);

        Assert.Equal(type, StateSerializationBinder.Instance.BindToType(assembly, name!));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Other_types_are_refused(Type type)
    {
        StateSerializationBinder.Instance.BindToName(type, out var assembly, out var name);

        Assert.Throws<JsonSerializationException>(() => StateSerializationBinder.Instance.BindToType(assembly, name!));

        // Allowed types are remembered once resolved; a refused one must never be, however often it is asked for.
        Assert.Throws<JsonSerializationException>(() => StateSerializationBinder.Instance.BindToType(assembly, name!));
    }

    [Fact]
    public void Bot_state_round_trips_typed()
    {
        var serializer = new StateJsonSerializer();
        var state = new Dictionary<string, object>
        {
            ["DialogState"] = new DialogState { DialogStack = [new DialogInstance { Id = "main", State = new Dictionary<string, object?> { ["n"] = 1 } }] },
            ["UserProfile"] = new UserProfile { Screening = new ScreeningRecord { Outcome = ScreeningOutcome.Cautions, CautionIds = ["pregnancy"] } },
        };

        var read = Assert.IsType<Dictionary<string, object>>(serializer.Deserialize("k", serializer.Serialize(state)));

        Assert.Equal("main", Assert.Single(Assert.IsType<DialogState>(read["DialogState"]).DialogStack).Id);
        Assert.Equal(ScreeningOutcome.Cautions, Assert.IsType<UserProfile>(read["UserProfile"]).Screening!.Outcome);
    }

    [Fact]
    public void A_refused_generic_argument_is_caught_before_it_is_resolved_and_the_value_reads_as_plain_json()
    {
        var serializer = new StateJsonSerializer();
        const string Json = """{"$type":"System.Collections.Generic.List`1[[System.IO.FileInfo, System.IO.FileSystem]], System.Private.CoreLib","$values":[{"OriginalPath":"x"}]}""";

        var read = serializer.Deserialize("k", Json);

        Assert.Equal("x", (string?)Assert.IsType<JArray>(read)[0]["OriginalPath"]);
    }
}

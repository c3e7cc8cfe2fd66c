using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackCare.Bot.Storage;

/// <summary>
/// Turns state into JSON text and back, the way the SDK's MemoryStorage does (TypeNameHandling.All, so values
/// come back with their types), with two guards for data that comes from outside the process: only the types
/// <see cref="StateSerializationBinder"/> allows are created, and an item whose types cannot be created (refused,
/// or renamed since it was saved) is read as plain JSON rather than failing the turn. The bot's state readers
/// accept JObjects and longs for exactly this reason (see DialogEngine/StateValue).
/// </summary>
internal sealed class StateJsonSerializer(ILogger? logger = null)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly JsonSerializer _typed = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.All,
        SerializationBinder = StateSerializationBinder.Instance,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        MaxDepth = null,
    });

    private readonly JsonSerializer _untyped = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        MetadataPropertyHandling = MetadataPropertyHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
        MaxDepth = null,
    });

    public string Serialize(object value)
    {
        using var writer = new StringWriter(new StringBuilder(256), System.Globalization.CultureInfo.InvariantCulture);
        _typed.Serialize(writer, value, typeof(object));
        return writer.ToString();
    }

    public byte[] SerializeToUtf8(object value) => Utf8.GetBytes(Serialize(value));

    public object Deserialize(string key, string json)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(json));
            return _typed.Deserialize<object>(reader) ?? throw new JsonSerializationException("The stored value is null.");
        }
        catch (JsonSerializationException e)
        {
            logger?.LogWarning(e, "Stored state could not be read with its types; reading it as plain JSON.");
            using var reader = new JsonTextReader(new StringReader(json));
            return WithoutTypeNames(_untyped.Deserialize<JToken>(reader) ?? JValue.CreateNull());
        }
    }

    public object Deserialize(string key, ReadOnlySpan<byte> utf8) => Deserialize(key, Utf8.GetString(utf8));

    /// <summary>Drops "$type" and unwraps {"$type", "$values"} into the array, leaving the JSON the value's properties make.</summary>
    internal static JToken WithoutTypeNames(JToken token)
    {
        switch (token)
        {
            case JObject obj when obj.TryGetValue("$values", StringComparison.Ordinal, out var values) && values is JArray:
                return WithoutTypeNames(values);
            case JObject obj:
                var plain = new JObject();
                foreach (var property in obj.Properties())
                {
                    if (property.Name != "$type")
                    {
                        plain[property.Name] = WithoutTypeNames(property.Value);
                    }
                }

                return plain;
            case JArray array:
                return new JArray(array.Select(WithoutTypeNames));
            default:
                return token;
        }
    }
}

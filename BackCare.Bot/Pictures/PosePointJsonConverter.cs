using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackCare.Bot.Pictures;

/// <summary>Reads and writes a <see cref="PosePoint"/> as <c>[x, y]</c>: short enough to read a figure at a glance.</summary>
internal sealed class PosePointJsonConverter : JsonConverter<PosePoint>
{
    public override PosePoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("a point is written [x, y]");
        }

        var x = ReadNumber(ref reader);
        var y = ReadNumber(ref reader);
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("a point is written [x, y], with two numbers");
        }

        return new PosePoint(x, y);
    }

    public override void Write(Utf8JsonWriter writer, PosePoint value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.X);
        writer.WriteNumberValue(value.Y);
        writer.WriteEndArray();
    }

    private static double ReadNumber(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException("a point is written [x, y], with two numbers");
        }

        return reader.GetDouble();
    }
}

using System.Text.Json.Serialization;

namespace BackCare.Bot.Pictures;

/// <summary>
/// A point of a step picture on its grid (<see cref="PoseGrid"/>): x to the right, y up from the floor, written
/// <c>[x, y]</c> in poses.json.
/// </summary>
[JsonConverter(typeof(PosePointJsonConverter))]
public readonly record struct PosePoint(double X, double Y)
{
    public double DistanceTo(PosePoint other) => Math.Sqrt(((X - other.X) * (X - other.X)) + ((Y - other.Y) * (Y - other.Y)));

    public override string ToString() => FormattableString.Invariant($"[{X}, {Y}]");
}

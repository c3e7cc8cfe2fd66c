namespace BackCare.Bot.Content;

/// <summary>How long to hold a position, in seconds, as a range (equal ends for an exact time).</summary>
public sealed record HoldTime(int MinSeconds, int MaxSeconds)
{
    public override string ToString() =>
        MinSeconds == MaxSeconds ? $"{MinSeconds} seconds" : $"{MinSeconds}–{MaxSeconds} seconds";
}

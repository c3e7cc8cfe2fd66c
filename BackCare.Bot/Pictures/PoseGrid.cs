namespace BackCare.Bot.Pictures;

/// <summary>
/// The grid poses.json draws on, and the picture it becomes: 120 by 80 units (a standing adult is about 70 tall),
/// the floor at y = 0, four pixels a unit, so a 480 × 320 PNG (Teams shows images up to 1024 × 1024).
/// </summary>
public static class PoseGrid
{
    public const double Width = 120;

    /// <summary>The top of the picture; y may go a little below the floor (<see cref="Bottom"/>) for a foot on a mat.</summary>
    public const double Height = 75;

    public const double Bottom = -4;

    public const int PixelsPerUnit = 4;

    public const int ImageWidth = (int)(Width * PixelsPerUnit);

    public const int ImageHeight = 320;

    /// <summary>The pixel row of the floor (y = 0): the grid's 75 units above it and 5 below.</summary>
    public const int FloorRow = (int)(Height * PixelsPerUnit);

    public static bool Contains(PosePoint point) => point.X is >= 0 and <= Width && point.Y is >= Bottom and <= Height;
}

using SkiaSharp;

namespace BackCare.Bot.Pictures;

/// <summary>
/// How a technique's pictures sit on the image: one scale and sideways shift for all its steps, so the figure keeps
/// its size from step to step, chosen so that the largest of them fills the image (a figure lying down is drawn
/// bigger than one standing). The floor stays at the same row.
/// </summary>
public sealed record PoseFrame(float Scale, float OffsetX)
{
    private const float Margin = 20;
    private const float MaxScale = 2f;

    /// <summary>Grid units the figure reaches beyond its key points: the head's radius and the limbs' thickness.</summary>
    private const double Reach = 5.5;

    public static PoseFrame Identity { get; } = new(1, 0);

    public float Pixels(double units) => (float)units * PoseGrid.PixelsPerUnit * Scale;

    public SKPoint Pixel(PosePoint point) => new(OffsetX + Pixels(point.X), PoseGrid.FloorRow - Pixels(point.Y));

    public static PoseFrame Fit(IEnumerable<StepPose> poses)
    {
        ArgumentNullException.ThrowIfNull(poses);
        var points = poses.SelectMany(Extent).ToList();
        if (points.Count == 0)
        {
            return Identity;
        }

        var minX = points.Min(p => p.X);
        var maxX = points.Max(p => p.X);
        var maxY = Math.Max(points.Max(p => p.Y), 1);
        var width = (PoseGrid.ImageWidth - (2 * Margin)) / (float)((maxX - minX) * PoseGrid.PixelsPerUnit);
        var height = (PoseGrid.FloorRow - Margin) / (float)(maxY * PoseGrid.PixelsPerUnit);
        var scale = Math.Clamp(Math.Min(width, height), 1f, MaxScale);
        var middle = (float)(minX + maxX) / 2 * PoseGrid.PixelsPerUnit * scale;
        return new PoseFrame(scale, (PoseGrid.ImageWidth / 2f) - middle);
    }

    /// <summary>The corners of everything a pose draws, in grid units, with a margin for line widths.</summary>
    private static IEnumerable<PosePoint> Extent(StepPose pose)
    {
        var figure = pose.Figure;
        var points = new List<PosePoint> { figure.Head, figure.Neck, figure.Pelvis };
        if (figure.Chest is { } chest)
        {
            points.Add(chest);
        }

        foreach (var limbs in new[] { figure.Left, figure.Right })
        {
            points.AddRange([limbs.Elbow, limbs.Hand, limbs.Knee, limbs.Ankle, limbs.Toe]);
            points.AddRange(new[] { limbs.Shoulder, limbs.Hip }.OfType<PosePoint>());
        }

        foreach (var point in points)
        {
            yield return new PosePoint(point.X - Reach, point.Y + Reach);
            yield return new PosePoint(point.X + Reach, point.Y);
        }

        foreach (var prop in pose.Props)
        {
            // A chair or cushion reaches half its width either side; a mat and a roller's box from its corner or centre.
            var half = prop.Kind == PropKind.Mat ? 0 : prop.Size.X / 2;
            var length = prop.Kind == PropKind.Mat ? prop.Size.X : half;
            var top = prop.Kind switch
            {
                PropKind.Chair => prop.At.Y + prop.Size.Y,
                PropKind.Mat => prop.Size.Y,
                _ => prop.At.Y + (prop.Size.Y / 2),
            };

            // A mat runs under the figure; it should not widen the frame by itself.
            if (prop.Kind != PropKind.Mat)
            {
                yield return new PosePoint(prop.At.X - half, top);
                yield return new PosePoint(prop.At.X + length, top);
            }
        }

        foreach (var arrow in pose.Arrows)
        {
            yield return new PosePoint(arrow.From.X - 2, arrow.From.Y + 2);
            yield return new PosePoint(arrow.To.X + 2, arrow.To.Y + 2);
            yield return new PosePoint(arrow.To.X - 2, arrow.From.Y);

            // The curve bulges at most half-way to its control point.
            var middle = new PosePoint((arrow.From.X + arrow.To.X) / 2, (arrow.From.Y + arrow.To.Y) / 2);
            var dx = arrow.To.X - arrow.From.X;
            var dy = arrow.To.Y - arrow.From.Y;
            yield return new PosePoint(middle.X - (dy * arrow.Bend), middle.Y + (dx * arrow.Bend) + 2);
        }
    }
}

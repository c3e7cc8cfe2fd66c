using SkiaSharp;

namespace BackCare.Bot.Pictures;

/// <summary>
/// Draws a <see cref="StepPose"/> as a line figure on the <see cref="PoseGrid"/>: the floor, the props, the far-side
/// limbs in a lighter tone behind the body, the near side in front, the highlighted parts in the accent colour, and
/// the arrows on top. Returns a small indexed PNG (<see cref="IndexedPng"/>). Stateless and thread-safe.
/// </summary>
public static class StickFigureRenderer
{
    private static readonly SKColor Background = SKColors.White;
    private static readonly SKColor Floor = new(0x8F, 0x9B, 0xA8);
    private static readonly SKColor PropFill = new(0xD9, 0xE1, 0xE8);
    private static readonly SKColor Body = new(0x2E, 0x40, 0x53);
    private static readonly SKColor FarBody = new(0x9D, 0xAA, 0xB7);
    private static readonly SKColor Accent = new(0xE0, 0x6C, 0x12);
    private static readonly SKColor FarAccent = new(0xF2, 0xB0, 0x7E);

    /// <summary>The colours a picture is drawn with; <see cref="IndexedPng"/> builds its palette from them.</summary>
    internal static IReadOnlyList<SKColor> Inks { get; } = [Background, Floor, PropFill, Body, FarBody, Accent, FarAccent];

    private const float LimbWidth = 2.3f;
    private const float TrunkWidth = 3f;
    private const float HeadRadius = 4.5f;

    public static byte[] RenderPng(StepPose pose, PoseFrame frame)
    {
        ArgumentNullException.ThrowIfNull(pose);
        ArgumentNullException.ThrowIfNull(frame);
        var info = new SKImageInfo(PoseGrid.ImageWidth, PoseGrid.ImageHeight, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        using (var canvas = new SKCanvas(bitmap))
        {
            Draw(canvas, pose, frame);
        }

        return IndexedPng.Encode(bitmap, Inks);
    }

    private static void Draw(SKCanvas canvas, StepPose pose, PoseFrame frame)
    {
        canvas.Clear(Background);
        using var line = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Round, StrokeJoin = SKStrokeJoin.Round };
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };

        line.Color = Floor;
        line.StrokeWidth = 3;
        canvas.DrawLine(0, PoseGrid.FloorRow + 1.5f, PoseGrid.ImageWidth, PoseGrid.FloorRow + 1.5f, line);

        foreach (var prop in pose.Props)
        {
            DrawProp(canvas, frame, prop, line, fill);
        }

        var figure = pose.Figure;
        var highlight = pose.Highlight.ToHashSet();

        // In a side view the far side goes behind the trunk, lighter; seen from the front both sides go in front.
        var (first, second) = pose.Near switch
        {
            BodySide.Left => (BodySide.Right, BodySide.Left),
            BodySide.Right => (BodySide.Left, BodySide.Right),
            _ => (BodySide.Left, BodySide.Right),
        };
        if (pose.Near is not null)
        {
            DrawSide(canvas, frame, figure, first, highlight, near: false, line, fill);
        }

        // The trunk: shoulders and hips where they are apart from neck and pelvis (front or turned views), then the spine.
        line.StrokeWidth = frame.Pixels(TrunkWidth);
        line.Color = highlight.Contains(BodyPart.Spine) ? Accent : Body;
        foreach (var side in new[] { first, second })
        {
            var limbs = figure.Side(side);
            canvas.DrawLine(frame.Pixel(figure.Neck), frame.Pixel(limbs.Shoulder ?? figure.Neck), line);
            canvas.DrawLine(frame.Pixel(figure.Pelvis), frame.Pixel(limbs.Hip ?? figure.Pelvis), line);
        }

        using (var spine = Spine(frame, figure))
        {
            canvas.DrawPath(spine, line);
        }

        fill.Color = highlight.Contains(BodyPart.Head) ? Accent : Body;
        line.Color = fill.Color;
        line.StrokeWidth = frame.Pixels(LimbWidth);
        canvas.DrawLine(frame.Pixel(figure.Neck), frame.Pixel(figure.Head), line);
        canvas.DrawCircle(frame.Pixel(figure.Head), frame.Pixels(HeadRadius), fill);

        // The nose: a small bump on the side the face points to, so a reader sees which way the person faces.
        if (pose.Face is { } degrees)
        {
            var face = degrees * Math.PI / 180;
            var nose = new PosePoint(figure.Head.X + (HeadRadius * Math.Cos(face)), figure.Head.Y + (HeadRadius * Math.Sin(face)));
            canvas.DrawCircle(frame.Pixel(nose), frame.Pixels(1.3), fill);
        }

        if (pose.Near is null)
        {
            DrawSide(canvas, frame, figure, first, highlight, near: true, line, fill);
        }

        DrawSide(canvas, frame, figure, second, highlight, near: true, line, fill);

        foreach (var arrow in pose.Arrows)
        {
            DrawArrow(canvas, frame, arrow, line, fill);
        }
    }

    private static void DrawSide(SKCanvas canvas, PoseFrame frame, StickFigure figure, BodySide side, HashSet<BodyPart> highlight, bool near, SKPaint line, SKPaint fill)
    {
        var limbs = figure.Side(side);
        var arm = side == BodySide.Left ? BodyPart.LeftArm : BodyPart.RightArm;
        var leg = side == BodySide.Left ? BodyPart.LeftLeg : BodyPart.RightLeg;
        line.StrokeWidth = frame.Pixels(LimbWidth);

        line.Color = Ink(highlight.Contains(leg), near);
        using (var legPath = Polyline(frame, limbs.Hip ?? figure.Pelvis, limbs.Knee, limbs.Ankle, limbs.Toe))
        {
            canvas.DrawPath(legPath, line);
        }

        line.Color = Ink(highlight.Contains(arm), near);
        fill.Color = line.Color;
        using (var armPath = Polyline(frame, limbs.Shoulder ?? figure.Neck, limbs.Elbow, limbs.Hand))
        {
            canvas.DrawPath(armPath, line);
        }

        canvas.DrawCircle(frame.Pixel(limbs.Hand), frame.Pixels(1.6), fill);
    }

    private static SKColor Ink(bool highlighted, bool near) => (highlighted, near) switch
    {
        (true, true) => Accent,
        (true, false) => FarAccent,
        (false, true) => Body,
        (false, false) => FarBody,
    };

    private static void DrawProp(SKCanvas canvas, PoseFrame frame, PoseProp prop, SKPaint line, SKPaint fill)
    {
        fill.Color = PropFill;
        line.Color = Floor;
        line.StrokeWidth = 2 * frame.Scale;
        var at = frame.Pixel(prop.At);
        var width = frame.Pixels(prop.Size.X);
        var height = frame.Pixels(prop.Size.Y);
        switch (prop.Kind)
        {
            case PropKind.Roller:
                canvas.DrawCircle(at, width / 2, fill);
                canvas.DrawCircle(at, width / 2, line);
                canvas.DrawCircle(at, width / 6, line);
                break;
            case PropKind.Cushion:
                var cushion = new SKRoundRect(SKRect.Create(at.X - (width / 2), at.Y - (height / 2), width, height), Math.Min(width, height) / 3);
                canvas.DrawRoundRect(cushion, fill);
                canvas.DrawRoundRect(cushion, line);
                break;
            case PropKind.Mat:
                var mat = SKRect.Create(at.X, at.Y - height, width, height);
                canvas.DrawRect(mat, fill);
                canvas.DrawRect(mat, line);
                break;
            case PropKind.Chair:
                // Seen from the front: the back behind the sitter, the seat (its top at at), and the front legs.
                var back = SKRect.Create(at.X - (width * 0.42f), at.Y - height, width * 0.84f, height);
                canvas.DrawRect(back, fill);
                canvas.DrawRect(back, line);
                var seat = SKRect.Create(at.X - (width / 2), at.Y, width, frame.Pixels(1.6));
                canvas.DrawRect(seat, fill);
                canvas.DrawRect(seat, line);
                line.StrokeWidth = frame.Pixels(1.4);
                line.Color = PropFill;
                line.StrokeCap = SKStrokeCap.Butt;
                var legTop = at.Y + frame.Pixels(1.6);
                var inset = (width / 2) - frame.Pixels(0.9);
                canvas.DrawLine(at.X - inset, legTop, at.X - inset, PoseGrid.FloorRow, line);
                canvas.DrawLine(at.X + inset, legTop, at.X + inset, PoseGrid.FloorRow, line);
                line.StrokeCap = SKStrokeCap.Round;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(prop), prop.Kind, "not a prop kind the renderer knows");
        }
    }

    private static void DrawArrow(SKCanvas canvas, PoseFrame frame, PoseArrow arrow, SKPaint line, SKPaint fill)
    {
        var from = frame.Pixel(arrow.From);
        var to = frame.Pixel(arrow.To);
        var middle = new SKPoint((from.X + to.X) / 2, (from.Y + to.Y) / 2);
        var along = new SKPoint(to.X - from.X, to.Y - from.Y);

        // "Left of the arrow" on the grid (y up) is a turn of +90°; in pixels (y down) that is (dy, -dx).
        var control = new SKPoint(middle.X + (along.Y * (float)arrow.Bend * 2), middle.Y - (along.X * (float)arrow.Bend * 2));
        using (var curve = new SKPathBuilder())
        {
            curve.MoveTo(from);
            curve.QuadTo(control, to);
            using var path = curve.Detach();
            line.Color = Accent;
            line.StrokeWidth = frame.Pixels(0.9);
            canvas.DrawPath(path, line);
        }

        // The head points along the curve's last tangent, from the control point to the end.
        var tangent = new SKPoint(to.X - control.X, to.Y - control.Y);
        var length = tangent.Length;
        if (length < 0.001f)
        {
            tangent = along;
            length = along.Length;
        }

        var ux = tangent.X / length;
        var uy = tangent.Y / length;
        var size = frame.Pixels(2.6);
        using var triangle = new SKPathBuilder();
        triangle.MoveTo(to.X + (ux * size * 0.6f), to.Y + (uy * size * 0.6f));
        triangle.LineTo(to.X - (ux * size) + (uy * size * 0.7f), to.Y - (uy * size) - (ux * size * 0.7f));
        triangle.LineTo(to.X - (ux * size) - (uy * size * 0.7f), to.Y - (uy * size) + (ux * size * 0.7f));
        triangle.Close();
        using var head = triangle.Detach();
        fill.Color = Accent;
        canvas.DrawPath(head, fill);
    }

    /// <summary>The spine from neck to pelvis, curved to pass through the chest point when there is one.</summary>
    private static SKPath Spine(PoseFrame frame, StickFigure figure)
    {
        using var path = new SKPathBuilder();
        var neck = frame.Pixel(figure.Neck);
        var pelvis = frame.Pixel(figure.Pelvis);
        path.MoveTo(neck);
        if (figure.Chest is { } chestPoint)
        {
            // A quadratic through the chest point at its middle: control = 2·chest − (neck + pelvis)/2.
            var chest = frame.Pixel(chestPoint);
            path.QuadTo((2 * chest.X) - ((neck.X + pelvis.X) / 2), (2 * chest.Y) - ((neck.Y + pelvis.Y) / 2), pelvis.X, pelvis.Y);
        }
        else
        {
            path.LineTo(pelvis);
        }

        return path.Detach();
    }

    private static SKPath Polyline(PoseFrame frame, params PosePoint[] points)
    {
        using var path = new SKPathBuilder();
        path.MoveTo(frame.Pixel(points[0]));
        foreach (var point in points.Skip(1))
        {
            path.LineTo(frame.Pixel(point));
        }

        return path.Detach();
    }
}

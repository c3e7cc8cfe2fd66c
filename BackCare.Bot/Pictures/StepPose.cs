namespace BackCare.Bot.Pictures;

/// <summary>
/// One step's picture: the step's title (which ties it to the step in techniques.json), the alt text that says what
/// the body does, the figure, which side of the body is nearer the viewer in a side view (the far side is drawn
/// lighter, behind the trunk; null for a view from the front, both sides in front), the direction the face points
/// (degrees, 0 to the right, 90 up; null when it faces the viewer), props, the parts to highlight and arrows for the movement.
/// </summary>
public sealed record StepPose(
    string Step,
    string Alt,
    StickFigure Figure,
    BodySide? Near,
    double? Face,
    IReadOnlyList<PoseProp> Props,
    IReadOnlyList<BodyPart> Highlight,
    IReadOnlyList<PoseArrow> Arrows);

namespace BackCare.Bot.Pictures;

/// <summary>
/// The figure's key points: the head's centre, the base of the neck, the pelvis, and each side's limbs. The spine is
/// drawn from neck to pelvis through <see cref="Chest"/> when it is given, so it can round (a hug, child's pose) or
/// arch (a backbend).
/// </summary>
public sealed record StickFigure(
    PosePoint Head,
    PosePoint Neck,
    PosePoint Pelvis,
    LimbPoints Left,
    LimbPoints Right,
    PosePoint? Chest = null)
{
    public LimbPoints Side(BodySide side) => side == BodySide.Left ? Left : Right;
}

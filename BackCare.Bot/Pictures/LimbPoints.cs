namespace BackCare.Bot.Pictures;

/// <summary>
/// One side's joints. <see cref="Shoulder"/> and <see cref="Hip"/> default to the figure's neck and pelvis, as in a
/// side view; give them where the body is seen from the front or turned (a twist).
/// </summary>
public sealed record LimbPoints(
    PosePoint Elbow,
    PosePoint Hand,
    PosePoint Knee,
    PosePoint Ankle,
    PosePoint Toe,
    PosePoint? Shoulder = null,
    PosePoint? Hip = null);

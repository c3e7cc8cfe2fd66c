namespace BackCare.Bot.Pictures;

/// <summary>A part of the figure a step picture can highlight: the part the step moves or works. Left and right are the person's own.</summary>
public enum BodyPart
{
    Head,
    Spine,
    LeftArm,
    RightArm,
    LeftLeg,
    RightLeg,
}

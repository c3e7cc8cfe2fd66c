namespace BackCare.Bot.Pictures;

/// <summary>The person's own left or right.</summary>
public enum BodySide
{
    Left,
    Right,
}

namespace BackCare.Bot.Pictures;

/// <summary>
/// An arrow that shows the movement, in the highlight colour. <see cref="Bend"/> curves it: 0 is straight, 0.5 bows it
/// by half its length to its left (seen from its start), a negative value to its right.
/// </summary>
public sealed record PoseArrow(PosePoint From, PosePoint To, double Bend = 0);

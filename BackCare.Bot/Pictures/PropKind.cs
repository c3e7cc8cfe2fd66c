namespace BackCare.Bot.Pictures;

/// <summary>Things a step uses, drawn behind the figure.</summary>
public enum PropKind
{
    /// <summary>A chair seen from the front: <c>at</c> the middle of the seat's top, <c>size</c> the seat's width and the back's height above the seat.</summary>
    Chair,

    /// <summary>A foam roller seen end-on: <c>at</c> its centre, <c>size</c> its diameter (the first number).</summary>
    Roller,

    /// <summary>A pillow, cushion or block: a rounded box centred on <c>at</c>, <c>size</c> wide and high.</summary>
    Cushion,

    /// <summary>A mat on the floor: from <c>at</c> (its left end), <c>size</c> long and thick.</summary>
    Mat,
}

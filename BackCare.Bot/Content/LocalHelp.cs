namespace BackCare.Bot.Content;

/// <summary>
/// Where to get help in one place, from local-help.json: the values of the local help tokens
/// (<see cref="LocalHelpTokens"/>) that content writes as <c>[[emergencyNumber]]</c> and so on.
/// </summary>
public sealed record LocalHelp
{
    /// <summary>The emergency phone number, e.g. "999".</summary>
    public required string EmergencyNumber { get; init; }

    /// <summary>What the emergency department is called, with its article, e.g. "A&amp;E" or "the ER".</summary>
    public required string EmergencyDepartment { get; init; }

    /// <summary>Where to get seen the same day when it is not an emergency, e.g. "your GP or NHS 111 (...)".</summary>
    public required string SameDayCare { get; init; }

    /// <summary>The value of the token <paramref name="name"/> ("emergencyNumber"), or null if there is no such token.</summary>
    public string? ValueOf(string name) => name switch
    {
        LocalHelpTokens.EmergencyNumber => EmergencyNumber,
        LocalHelpTokens.EmergencyDepartment => EmergencyDepartment,
        LocalHelpTokens.SameDayCare => SameDayCare,
        _ => null,
    };
}

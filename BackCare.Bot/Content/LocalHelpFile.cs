namespace BackCare.Bot.Content;

/// <summary>local-help.json: the values of the local help tokens per locale ("en-GB"), and for everywhere else.</summary>
public sealed record LocalHelpFile
{
    /// <summary>Used for a locale with no entry of its own, or no locale at all.</summary>
    public required LocalHelp Default { get; init; }

    /// <summary>By BCP 47 locale name ("en-GB"), matched without regard to case.</summary>
    public required IReadOnlyDictionary<string, LocalHelp> Locales { get; init; }
}

namespace BackCare.Bot.Content;

/// <summary>
/// Length limits the loader enforces, so that an edit to a knowledge file cannot produce a message
/// too long to read in a chat window (Teams shows a bubble of about 600 characters without the
/// reader having to scroll on a phone) or a button caption that gets cut off.
/// </summary>
public static class ContentLimits
{
    /// <summary>Button captions and titles: technique names, step titles, answer and tip titles, menu buttons.</summary>
    public const int Label = 50;

    /// <summary>One or two sentences: summaries, cautions, screening questions, hints and reasons, equipment.</summary>
    public const int ShortText = 300;

    /// <summary>One chat bubble: a step's instruction, an answer, a bot message, a screening outcome.</summary>
    public const int ChatText = 600;

    /// <summary>The "tell me more" part of an answer or tip, which the user asked for.</summary>
    public const int MoreText = 1000;

    // The longest hold a step may ask for (300 seconds: beyond five minutes it is no longer a stretch to hold in a
    // chat) is in Schemas/techniques.schema.json, with the rest of the file's ranges.
}

namespace BackCare.Bot.State;

/// <summary>Per-conversation memory outside the dialog stack (in ConversationState).</summary>
public sealed class ConversationData
{
    /// <summary>Whether the welcome was sent: Teams announces an install both as conversationUpdate and as installationUpdate.</summary>
    public bool Welcomed { get; set; }

    /// <summary>The last answer shown, so that a typed "tell me more" knows what it is about.</summary>
    public string? LastAnswerId { get; set; }

    /// <summary>The intents just offered as "did you mean …?"; the next message may pick one. Cleared after it.</summary>
    public List<string> PendingClarification { get; set; } = [];

    /// <summary>
    /// A message with a partial red flag ("I slipped and my back's stiff") whose safety question is waiting for a
    /// yes or no; the message is answered once the user says no. Cleared by the next message.
    /// </summary>
    public string? PendingSafetyQuestion { get; set; }

    /// <summary>Set when an emergency red flag was reported in this conversation; cleared by re-screening.</summary>
    public bool EmergencyReported { get; set; }

    /// <summary>
    /// "Ask a question" was typed while something was under way: the next message is taken as a question first, and
    /// one the bot cannot answer is said so without counting as a wrong answer to the waiting question. Cleared after it.
    /// </summary>
    public bool QuestionInvited { get; set; }
}

namespace BackCare.Bot.State;

/// <summary>What the bot remembers about a user across conversations (in UserState). "forget me" deletes it.</summary>
public sealed class UserProfile
{
    public ScreeningRecord? Screening { get; set; }
}

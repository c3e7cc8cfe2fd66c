namespace BackCare.Bot.Reminders;

/// <summary>A parsed reminder message: its kind and, for <see cref="ReminderCommandKind.Subscribe"/>, the request.</summary>
public sealed record ReminderCommand(ReminderCommandKind Kind, ReminderRequest? Request = null)
{
    public static ReminderCommand None { get; } = new(ReminderCommandKind.None);
}

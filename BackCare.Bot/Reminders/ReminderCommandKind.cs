namespace BackCare.Bot.Reminders;

/// <summary>What a message means for reminders.</summary>
public enum ReminderCommandKind
{
    /// <summary>Not about reminders: left to the rest of the bot.</summary>
    None,
    Subscribe,
    Stop,
    /// <summary>About reminders, but the interval could not be read.</summary>
    NotUnderstood,
    IntervalOutOfRange,
    /// <summary>About reminders, but the hours do not make a window.</summary>
    HoursNotUnderstood,
}

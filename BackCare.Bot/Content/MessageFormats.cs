namespace BackCare.Bot.Content;

/// <summary>
/// Which <see cref="BotMessages"/> texts are format strings and what fills each placeholder, in
/// order. The code that formats them passes exactly these arguments, so the loader rejects a text
/// that drops one or adds another; every text not listed here is shown as written and may not
/// contain braces at all.
/// </summary>
internal static class MessageFormats
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders { get; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [nameof(BotMessages.ClarifyPrompt)] = ["the first likely question's title", "the second likely question's title"],
            [nameof(BotMessages.PrivacyNote)] = ["how many hours the screening outcome is kept"],
            [nameof(BotMessages.ScreeningRemembered)] = ["how long ago the screening was, e.g. \"3 hours\""],
            [nameof(BotMessages.TooLong)] = ["the message length limit in characters"],
            [nameof(BotMessages.LeftOutLine)] = ["the technique's name", "why the screening leaves it out"],
            [nameof(BotMessages.TechniquePicked)] = ["the chosen technique's name"],
            [nameof(BotMessages.ReminderConfirm)] = ["the interval in minutes", "the start time", "the end time", "the days"],
            [nameof(BotMessages.StoredScreening)] = ["when the screening was done", "its outcome in words", "how long it is still kept, e.g. \"20 hours\""],
            [nameof(BotMessages.StoredScreeningOld)] = ["when the screening was done", "its outcome in words"],
            [nameof(BotMessages.StoredCautions)] = ["the caution questions answered yes"],
            [nameof(BotMessages.StoredReminders)] = ["the interval in minutes", "the start time", "the end time", "the days"],
            [nameof(BotMessages.StoredConversation)] = ["after how many idle hours the dialog is cleared (the screening's validity)", "how many idle days a conversation is kept"],
        };

    /// <summary>The placeholders <paramref name="propertyName"/> must use, none for plain texts.</summary>
    public static IReadOnlyList<string> For(string propertyName) =>
        Placeholders.TryGetValue(propertyName, out var fills) ? fills : [];
}

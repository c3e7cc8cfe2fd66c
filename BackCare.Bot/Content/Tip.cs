namespace BackCare.Bot.Content;

/// <summary>A prevention tip (routing ids tip:*): a one-line summary and the detail behind "tell me more".</summary>
public sealed record Tip(string Id, string Title, string Summary, string More);

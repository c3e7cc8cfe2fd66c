namespace BackCare.Bot.Hosting;

/// <summary>At most <see cref="PermitLimit"/> activities to one conversation in any <see cref="Window"/>.</summary>
public sealed record SendLimit(int PermitLimit, TimeSpan Window);

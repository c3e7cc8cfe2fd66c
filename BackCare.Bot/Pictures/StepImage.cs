namespace BackCare.Bot.Pictures;

/// <summary>
/// One step's rendered picture: the PNG, its entity tag (a hash of the bytes, quoted as HTTP wants it) and version (the
/// same hash, for the address), the data URI that carries it inside a card, and its alt text.
/// </summary>
public sealed record StepImage(byte[] Png, string ETag, string Version, string DataUri, string AltText);

namespace BackCare.Bot.TeamsPackage;

/// <summary>A problem the person running the packager can fix (bad or missing app id, missing file); its message says how.</summary>
public sealed class TeamsPackageException(string message) : Exception(message);

namespace BackCare.Bot.TeamsPackage;

/// <summary>Finds the repository root (the folder holding appPackage/manifest.json) from a starting folder upwards.</summary>
public static class RepositoryLayout
{
    public const string PackageFolder = "appPackage";

    /// <summary>The nearest folder at or above <paramref name="start"/> that contains appPackage/manifest.json, or null.</summary>
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, PackageFolder, "manifest.json")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The root found from the current directory, else from this program's own folder.</summary>
    public static string FindRootOrThrow() =>
        FindRoot(Directory.GetCurrentDirectory())
        ?? FindRoot(AppContext.BaseDirectory)
        ?? throw new TeamsPackageException(
            $"Cannot find {PackageFolder}/manifest.json above {Directory.GetCurrentDirectory()}; run from the repository or pass --package-dir.");
}

using BackCare.Bot.TeamsPackage;

namespace BackCare.Bot.Tests.TeamsPackage;

/// <summary>The repository's appPackage/ folder, found upwards from the test output.</summary>
public static class AppPackageFolder
{
    public static string Path { get; } = System.IO.Path.Combine(
        RepositoryLayout.FindRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("appPackage/manifest.json not found above the test output"),
        RepositoryLayout.PackageFolder);
}

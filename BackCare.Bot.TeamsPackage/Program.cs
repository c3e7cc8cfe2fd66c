namespace BackCare.Bot.TeamsPackage;

/// <summary>Builds the Teams app package zip for a Microsoft App ID. See PackagerOptions.Usage, the README ("Deploy to Teams") and docs/teams.md.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        try
        {
            var options = PackagerOptions.Parse(args);
            if (options.Help)
            {
                Console.WriteLine(PackagerOptions.Usage);
                return 0;
            }

            var root = options.PackageDirectory is null
                ? RepositoryLayout.FindRootOrThrow()
                : RepositoryLayout.FindRoot(Directory.GetCurrentDirectory());
            var packageDirectory = options.PackageDirectory ?? Path.Combine(root!, RepositoryLayout.PackageFolder);
            var appSettings = root is null ? null : Path.Combine(root, "appsettings.json");
            var appId = AppIdSource.Resolve(options.AppId, appSettings, Environment.GetEnvironmentVariable);
            var outPath = options.OutPath ?? Path.Combine(packageDirectory, "build", "backcare.zip");

            TeamsPackageBuilder.Build(packageDirectory, appId, outPath);
            Console.WriteLine($"Wrote {Path.GetFullPath(outPath)} for Microsoft App ID {appId}.");
            Console.WriteLine("Upload it in Teams: Apps > Manage your apps > Upload an app > Upload a custom app.");
            return 0;
        }
        catch (TeamsPackageException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}

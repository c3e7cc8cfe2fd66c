namespace BackCare.Bot.TeamsPackage;

/// <summary>The packager's command line: --app-id GUID, --out FILE, --package-dir DIR, --help.</summary>
public sealed record PackagerOptions(string? AppId, string? OutPath, string? PackageDirectory, bool Help)
{
    public const string Usage =
        "usage: dotnet run --project BackCare.Bot.TeamsPackage -- [--app-id <GUID>] [--out appPackage/build/backcare.zip] [--package-dir appPackage]\n" +
        "  --app-id       the bot's Microsoft App ID; default: MicrosoftAppId from the environment, else from appsettings.json\n" +
        "  --out          where to write the zip; default: appPackage/build/backcare.zip\n" +
        "  --package-dir  the folder with manifest.json, color.png and outline.png; default: appPackage/ of this repository";

    public static PackagerOptions Parse(IReadOnlyList<string> args)
    {
        string? appId = null, outPath = null, packageDirectory = null;
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, inlineValue) = arg.Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (arg, null);
            string Value() => inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new TeamsPackageException($"{name} needs a value.\n{Usage}"));
            switch (name)
            {
                case "--app-id": appId = Value(); break;
                case "--out": outPath = Value(); break;
                case "--package-dir": packageDirectory = Value(); break;
                case "-h" or "--help": help = true; break;
                default: throw new TeamsPackageException($"Unknown argument {arg}.\n{Usage}");
            }
        }

        return new PackagerOptions(appId, outPath, packageDirectory, help);
    }
}

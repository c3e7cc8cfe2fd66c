using BackCare.Bot.TeamsPackage;

namespace BackCare.Bot.Tests.TeamsPackage;

public sealed class AppIdSourceTests : IDisposable
{
    private const string FromFile = "3d6b2e5a-0f4c-4c7d-9e8f-9a0b1c2d3e4f";
    private const string FromEnvironment = "4e7c3f6b-1a5d-4d8e-8f9a-0b1c2d3e4f5a";
    private const string FromCommandLine = "5f8d4a7c-2b6e-4e9f-9a0b-1c2d3e4f5a6b";

    private readonly string _settings = Path.Combine(Directory.CreateTempSubdirectory("backcare-appid-").FullName, "appsettings.json");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_settings)!, recursive: true);

    [Fact]
    public void The_command_line_wins()
    {
        File.WriteAllText(_settings, $$"""{ "MicrosoftAppId": "{{FromFile}}" }""");

        Assert.Equal(FromCommandLine, AppIdSource.Resolve(FromCommandLine, _settings, _ => FromEnvironment));
    }

    [Fact]
    public void Without_it_the_environment_then_appsettings_is_used()
    {
        File.WriteAllText(_settings, $$"""{ "MicrosoftAppId": "{{FromFile}}" }""");

        Assert.Equal(FromEnvironment, AppIdSource.Resolve(null, _settings, name => name == "MicrosoftAppId" ? FromEnvironment : null));
        Assert.Equal(FromFile, AppIdSource.Resolve(null, _settings, _ => null));
    }

    [Fact]
    public void With_no_app_id_anywhere_the_error_says_how_to_give_one()
    {
        File.WriteAllText(_settings, """{ "MicrosoftAppId": "" }""");

        var error = Assert.Throws<TeamsPackageException>(() => AppIdSource.Resolve(null, _settings, _ => null));

        Assert.Contains("--app-id", error.Message);
        Assert.Contains("MicrosoftAppId", error.Message);
    }

    [Fact]
    public void A_configured_app_id_that_is_not_a_guid_is_rejected()
    {
        Assert.Throws<TeamsPackageException>(() => AppIdSource.Resolve(null, null, _ => "my-bot"));
    }

    [Fact]
    public void The_options_parse_both_spellings()
    {
        var options = PackagerOptions.Parse(["--app-id", FromCommandLine, "--out=x/y.zip"]);

        Assert.Equal(new PackagerOptions(FromCommandLine, "x/y.zip", null, false), options);
        Assert.Throws<TeamsPackageException>(() => PackagerOptions.Parse(["--app-id"]));
        Assert.Throws<TeamsPackageException>(() => PackagerOptions.Parse(["--bogus"]));
    }
}

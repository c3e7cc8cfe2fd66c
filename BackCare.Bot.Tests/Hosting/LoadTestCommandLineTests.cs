using BackCare.Bot.LoadTest;
using BackCare.Bot.TestSupport;

namespace BackCare.Bot.Tests.Hosting;

/// <summary>The load test's command line: the options BENCHMARKS.md quotes keep their meaning; a bad one stops it with exit code 2.</summary>
public sealed class LoadTestCommandLineTests
{
    [Theory]
    [InlineData(new string[0], nameof(ScriptKind.Visit))]
    [InlineData(new[] { "--script", "free-text" }, nameof(ScriptKind.FreeText))]
    [InlineData(new[] { "--script", "card-buttons" }, nameof(ScriptKind.CardButtons))]
    [InlineData(new[] { "--script", "Card-Buttons" }, nameof(ScriptKind.CardButtons))]
    public void The_load_test_runs_the_whole_visit_unless_another_script_is_asked_for(string[] args, string script) =>
        Assert.Equal(Enum.Parse<ScriptKind>(script), Parse(args).Script);

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--bot-setting", "BackCare:SendPacing=true" }, true)]
    [InlineData(new[] { "--bot-setting", "backcare:sendpacing=True", "--bot-setting", "BackCare:SendPacing=false" }, false)]
    public void The_load_test_runs_BackCare_unpaced_unless_a_bot_setting_says_otherwise(string[] args, bool paced) =>
        Assert.Equal(paced, Parse(args).SendPacing);

    [Fact]
    public void A_command_quoted_in_BENCHMARKS_md_means_what_it_says()
    {
        var options = Parse(["--users", "64", "--seconds", "60", "--rounds", "5", "--mode", "normal", "--before", "--warmup", "0.5", "--channel", "emulator"]);

        Assert.Equal((64, 60.0, 5, 0.5, true, "emulator"), (options.Users, options.Seconds, options.Rounds, options.WarmupSeconds, options.Before, options.ChannelId));
        Assert.Equal([Delivery.Normal], options.Modes);
    }

    [Fact]
    public void Without_options_it_runs_the_defaults()
    {
        var options = Parse([]);

        // The lists compared apart: a record compares them by reference.
        var defaults = LoadTestOptions.Default;
        Assert.Equal(defaults, options with { Modes = defaults.Modes, BotSettings = defaults.BotSettings });
        Assert.Equal(defaults.Modes, options.Modes);
        Assert.Empty(options.BotSettings);
    }

    [Theory]
    [InlineData("--users", "0")]
    [InlineData("--users", "many")]
    [InlineData("--seconds", "-1")]
    [InlineData("--warmup", "soon")]
    [InlineData("--mode", "sideways")]
    [InlineData("--script", "nope")]
    [InlineData("--bot-setting", "no-equals-sign")]
    [InlineData("--channel", " ")]
    public async Task A_bad_value_is_named_and_nothing_runs(string option, string value)
    {
        var (exit, output, error, ran) = await RunAsync(option, value);

        Assert.Equal(ToolCommandLine.BadUsage, exit);
        Assert.False(ran);
        Assert.Empty(output);
        Assert.Contains(option, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_or_a_missing_value_is_refused()
    {
        Assert.Equal(ToolCommandLine.BadUsage, (await RunAsync("--frobnicate")).Exit);
        Assert.Equal(ToolCommandLine.BadUsage, (await RunAsync("--users")).Exit);
    }

    [Fact]
    public async Task Help_lists_every_option_and_the_reply_cost_verb_and_runs_nothing()
    {
        var (exit, output, error, ran) = await RunAsync("--help");

        Assert.Equal(0, exit);
        Assert.False(ran);
        Assert.Empty(error);
        foreach (var expected in new[] { "--users", "--seconds", "--rounds", "--warmup", "--mode", "--before", "--channel", "--script", "--bot-setting", ReplyCostProbe.Command })
        {
            Assert.Contains(expected, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_reply_cost_verb_runs_the_probe_not_the_load()
    {
        var probed = false;
        var loaded = false;
        var commandLine = new LoadTestCommandLine((_, _) => { loaded = true; return Task.FromResult(0); }, _ => { probed = true; return Task.FromResult(7); });

        var exit = await ToolCommandLine.RunAsync(commandLine.Root, [ReplyCostProbe.Command], TextWriter.Null, TextWriter.Null);

        Assert.Equal((7, true, false), (exit, probed, loaded));
    }

    private static LoadTestOptions Parse(string[] args)
    {
        var commandLine = new LoadTestCommandLine((_, _) => Task.FromResult(0), _ => Task.FromResult(0));
        var parse = commandLine.Root.Parse(args);
        Assert.Empty(parse.Errors);
        return commandLine.Read(parse);
    }

    private static async Task<(int Exit, string Output, string Error, bool Ran)> RunAsync(params string[] args)
    {
        var ran = false;
        var commandLine = new LoadTestCommandLine((_, _) => { ran = true; return Task.FromResult(0); }, _ => { ran = true; return Task.FromResult(0); });
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ToolCommandLine.RunAsync(commandLine.Root, args, output, error);
        return (exit, output.ToString(), error.ToString(), ran);
    }
}

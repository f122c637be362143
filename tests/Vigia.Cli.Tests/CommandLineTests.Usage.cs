using Vigia.Cli.Tests.Support;

namespace Vigia.Cli.Tests;

/// <summary>
/// Usage errors: exit code 2, the reason and the usage on stderr, nothing on stdout and never a stack
/// trace; <c>--help</c> prints the usage on stdout and exits 0.
/// </summary>
public sealed partial class CommandLineTests
{
    [Fact]
    public void Run_NoArguments_Exits2WithTheUsageOnStderr()
    {
        var result = VigiaCli.Run();

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        Assert.StartsWith("usage: vigia <command>", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("simulate", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("track", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("eval", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Run_UnknownCommand_Exits2NamingTheCommand()
    {
        var result = VigiaCli.Run("trak", "--scenario", "x.json");

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        Assert.StartsWith("vigia: unknown command 'trak'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("usage: vigia <command>", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Run_UnknownOption_Exits2NamingTheOption()
    {
        var dir = Testing.TestPaths.NewTempDirectory();
        var scenario = Path.Combine(dir, "X.json");
        var tracks = Path.Combine(dir, "Y.json");

        var result = VigiaCli.Run("track", "--scenario", scenario, "--out", tracks, "--bogus", "1");

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        Assert.StartsWith("vigia track: --bogus: unknown option", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("usage: vigia track", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(tracks), "no output may be written when the command line is rejected");
        VigiaCli.AssertNoStackTrace(result);
    }

    [Theory]
    [InlineData("--scenario: required", "track", "--out", "t.json")]
    [InlineData("--out: required", "track", "--scenario", "s.json")]
    [InlineData("--scenario: required", "eval", "--json")]
    [InlineData("--out: required", "simulate", "--seed", "5")]
    public void Run_MissingRequiredOption_Exits2NamingTheOption(string message, params string[] args)
    {
        var result = VigiaCli.Run(args);

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        Assert.StartsWith($"vigia {args[0]}: {message}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"usage: vigia {args[0]}", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
        VigiaCli.AssertNoStackTrace(result);
    }

    [Theory]
    [InlineData("--scenario: needs a value", "eval", "--scenario")]
    [InlineData("--scenario: given more than once", "eval", "--scenario", "a.json", "--scenario", "b.json")]
    [InlineData("--targets: 'many' is not an integer", "simulate", "--targets", "many", "--out", "s.json")]
    [InlineData("--seed: '-1' is not a non-negative integer", "simulate", "--seed=-1", "--out", "s.json")]
    [InlineData("--pd: 1.5 is outside [0, 1]", "simulate", "--pd", "1.5", "--out", "s.json")]
    [InlineData("--duration-s: 'NaN' is not a number", "simulate", "--duration-s", "NaN", "--out", "s.json")]
    [InlineData("--filter: 'kalman' is not imm or cv", "eval", "--scenario", "s.json", "--filter", "kalman")]
    [InlineData("--updater: 'pf' is not ekf or ukf", "track", "--scenario", "s.json", "--out", "t.json", "--updater", "pf")]
    [InlineData("unexpected argument 'extra.json'", "eval", "--scenario", "s.json", "extra.json")]
    public void Run_MalformedOptionValue_Exits2WithTheReason(string message, params string[] args)
    {
        var result = VigiaCli.Run(args);

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        Assert.StartsWith($"vigia {args[0]}: {message}", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
        VigiaCli.AssertNoStackTrace(result);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Run_Help_Exits0WithTheUsageOnStdout(string help)
    {
        var result = VigiaCli.Run(help);

        VigiaCli.AssertExit(CommandLine.Ok, result);
        Assert.StartsWith("usage: vigia <command>", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Theory]
    [InlineData("simulate", "--seed")]
    [InlineData("track", "--scenario")]
    [InlineData("eval", "--tracks")]
    public void Run_CommandHelp_Exits0WithTheCommandsOptionsOnStdout(string command, string option)
    {
        var result = VigiaCli.Run(command, "--help");

        VigiaCli.AssertExit(CommandLine.Ok, result);
        Assert.StartsWith($"usage: vigia {command}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(option, result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Theory]
    [InlineData("track", "--scenario", "{missing}", "--out", "{dir}/tracks.json")]
    [InlineData("eval", "--scenario", "{missing}", "--json")]
    public void Run_MissingScenarioFile_Exits2NamingThePathWithoutAStackTrace(params string[] template)
    {
        var dir = Testing.TestPaths.NewTempDirectory();
        var missing = Path.Combine(dir, "no-such-scenario.json");
        var args = template.Select(a => a.Replace("{missing}", missing, StringComparison.Ordinal).Replace("{dir}", dir, StringComparison.Ordinal)).ToArray();

        var result = VigiaCli.Run(args);

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        Assert.StartsWith($"vigia {args[0]}: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(missing, result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
        VigiaCli.AssertNoStackTrace(result);
    }

    [Fact]
    public void Run_EvalWithMissingTracksFile_Exits2NamingThePathWithoutAStackTrace()
    {
        var missing = Path.Combine(Testing.TestPaths.NewTempDirectory(), "no-such-tracks.json");

        var result = VigiaCli.Run("eval", "--scenario", VigiaCli.SharedScenario("radar-n5-s1"), "--tracks", missing, "--json");

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        Assert.Contains(missing, result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
        VigiaCli.AssertNoStackTrace(result);
    }

    [Fact]
    public void Run_TrackIntoAMissingFolder_Exits2NamingThePathWithoutAStackTrace()
    {
        var output = Path.Combine(Testing.TestPaths.NewTempDirectory(), "no-such-folder", "tracks.json");

        var result = VigiaCli.Run("track", "--scenario", VigiaCli.SharedScenario("radar-n5-s1"), "--out", output);

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        Assert.Contains(output, result.Stderr, StringComparison.Ordinal);
        VigiaCli.AssertNoStackTrace(result);
    }

    [Theory]
    [InlineData("track", "--scenario", "", "--out", "x.json")]
    [InlineData("eval", "--scenario", "")]
    [InlineData("decode", "")]
    public void Run_EmptyPath_IsBadInputWithoutAStackTrace(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = CommandLine.Run(args, stdout, stderr);

        Assert.Equal(2, code);
        Assert.StartsWith($"vigia {args[0]}: ", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal);
    }
}

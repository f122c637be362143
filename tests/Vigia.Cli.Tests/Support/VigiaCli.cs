using System.Text.Json;

namespace Vigia.Cli.Tests.Support;

/// <summary>What one <c>vigia</c> invocation returned: exit code, stdout and stderr.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>stdout parsed as one JSON document (fails the test on anything else).</summary>
    public JsonDocument StdoutJson() => JsonDocument.Parse(Stdout);

    /// <summary>A readable dump for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>Runs <see cref="CommandLine.Run"/> in process with captured writers, as <c>vigia ARGS</c> would.</summary>
internal static class VigiaCli
{
    /// <summary>Shows a leaked .NET stack trace (each frame line starts with "   at ").</summary>
    public const string StackTraceMarker = "   at ";

    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var exit = CommandLine.Run(args, stdout, stderr);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A file of the shared scenario set, <c>shared/data/scenarios/NAME.json</c>.</summary>
    public static string SharedScenario(string name) => Testing.TestPaths.SharedData("scenarios", name + ".json");

    /// <summary>Stone Soup's reference tracks for a shared scenario.</summary>
    public static string ReferenceTracks(string name) => Testing.TestPaths.SharedData("scenarios", "reference", name + ".stonesoup-tracks.json");

    /// <summary>Asserts the run exited with <paramref name="expected"/>, showing the whole run if not.</summary>
    public static void AssertExit(int expected, CliResult result) =>
        Assert.True(result.ExitCode == expected, $"expected exit {expected}, got {result}");

    /// <summary>Asserts stderr carries no stack trace and no exception type name.</summary>
    public static void AssertNoStackTrace(CliResult result)
    {
        Assert.DoesNotContain(StackTraceMarker, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using Vigia.Cli.Tests.Support;

namespace Vigia.Cli.Tests;

/// <summary>
/// Scenario regression (house style §8): <c>vigia eval --scenario</c> runs Vigía's own tracker on each
/// shared scenario, and its mean GOSPA and track switches must stay within regression-thresholds.json,
/// and below Stone Soup's default configuration.
/// </summary>
public sealed partial class EvalCommandTests
{
    private static readonly string[] SharedScenarios = ["radar-n5-s1", "radar-n50-s1", "radar-rid-n20-c50-s2"];

    /// <summary>One tracker run per scenario per test process, shared by the tests below.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<CliResult>> TrackerRuns = new(StringComparer.Ordinal);

    [Fact]
    public void RegressionThresholds_ListExactlyTheSharedScenarios()
    {
        using var thresholds = ReadThresholds();

        var names = thresholds.RootElement.GetProperty("scenarios").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);

        Assert.Equal(SharedScenarios.Order(StringComparer.Ordinal), names);
    }

    [Theory]
    [InlineData("radar-n5-s1")]
    [InlineData("radar-n50-s1")]
    [InlineData("radar-rid-n20-c50-s2")]
    public void EvalJson_OwnTrackerOnSharedScenario_StaysWithinTheRecordedThresholds(string scenario)
    {
        using var thresholds = ReadThresholds();
        var limits = thresholds.RootElement.GetProperty("scenarios").GetProperty(scenario);
        var maxMeanGospa = limits.GetProperty("max_mean_gospa").GetDouble();
        var maxSwitches = limits.GetProperty("max_track_switches").GetInt32();

        var result = RunTracker(scenario);

        VigiaCli.AssertExit(CommandLine.Ok, result);
        using var json = result.StdoutJson();
        var meanGospa = json.RootElement.GetProperty("mean_gospa").GetDouble();
        var switches = json.RootElement.GetProperty("track_switches").GetInt32();
        Assert.True(meanGospa <= maxMeanGospa, $"{scenario}: mean GOSPA {meanGospa:F3} > recorded threshold {maxMeanGospa:F3}");
        Assert.True(switches <= maxSwitches, $"{scenario}: {switches} track switches > recorded threshold {maxSwitches}");
    }

    // Source: shared/docs/tracking-formats.md, "Reference results": Stone Soup's default configuration.
    [Theory]
    [InlineData("radar-n5-s1", 32.5)]
    [InlineData("radar-n50-s1", 110.7)]
    [InlineData("radar-rid-n20-c50-s2", 62.6)]
    public void EvalJson_OwnTrackerOnSharedScenario_BeatsStoneSoupDefaults(string scenario, double stoneSoupMeanGospa)
    {
        var result = RunTracker(scenario);

        VigiaCli.AssertExit(CommandLine.Ok, result);
        using var json = result.StdoutJson();
        var meanGospa = json.RootElement.GetProperty("mean_gospa").GetDouble();
        Assert.True(meanGospa < stoneSoupMeanGospa, $"{scenario}: mean GOSPA {meanGospa:F3} is not below Stone Soup's {stoneSoupMeanGospa}");
    }

    [Theory]
    [InlineData("radar-n5-s1", 894)]
    [InlineData("radar-n50-s1", 3883)]
    [InlineData("radar-rid-n20-c50-s2", 9162)]
    public void EvalJson_OwnTrackerOnSharedScenario_LogsEveryMeasurementAndATimedLoop(string scenario, int measurements)
    {
        var result = RunTracker(scenario);

        VigiaCli.AssertExit(CommandLine.Ok, result);
        Assert.StartsWith($"tracked {measurements} measurements, ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("skipped", result.Stderr, StringComparison.Ordinal);
        using var json = result.StdoutJson();
        Assert.True(json.RootElement.GetProperty("loop_s").GetDouble() > 0);
    }

    private static CliResult RunTracker(string scenario) =>
        TrackerRuns.GetOrAdd(scenario, s => new Lazy<CliResult>(() => VigiaCli.Run("eval", "--scenario", VigiaCli.SharedScenario(s), "--json"))).Value;

    private static JsonDocument ReadThresholds() =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "regression-thresholds.json")));
}

using System.Text.Json;
using Vigia.Cli.Tests.Support;
using Vigia.Scenarios.Format;

namespace Vigia.Cli.Tests;

/// <summary>
/// The three commands chained as a user would: <c>simulate</c> writes a scenario, <c>track</c> writes
/// <c>cuas-tracks/1</c> for it, <c>eval</c> scores those tracks.
/// </summary>
public sealed partial class CommandLineTests
{
    [Fact]
    public void Simulate_SeededScenario_Exits0AndWritesAReadableScenario()
    {
        var scenario = Path.Combine(Testing.TestPaths.NewTempDirectory(), "sim.json");

        var result = Simulate(scenario);

        VigiaCli.AssertExit(CommandLine.Ok, result);
        Assert.Empty(result.Stdout);
        Assert.StartsWith($"vigia simulate: wrote {scenario}: ", result.Stderr, StringComparison.Ordinal);
        using var reader = ScenarioReader.Open(scenario);
        Assert.Equal(0, reader.Header.StartSeconds);
        Assert.Equal(30, reader.Header.EndSeconds);
        Assert.Contains(reader.Header.Sensors, s => s.Type == "radar");
        var scans = reader.ReadScans().ToList();
        var truth = reader.ReadTruth();
        Assert.NotEmpty(scans);
        Assert.InRange(truth.Count, 1, 100);
        Assert.Equal(0, reader.Faults.Total);
    }

    [Fact]
    public void Simulate_SameSeedTwice_WritesIdenticalFiles()
    {
        var dir = Testing.TestPaths.NewTempDirectory();
        var first = Path.Combine(dir, "a.json");
        var second = Path.Combine(dir, "b.json");

        VigiaCli.AssertExit(CommandLine.Ok, Simulate(first));
        VigiaCli.AssertExit(CommandLine.Ok, Simulate(second));

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void Track_SimulatedScenario_WritesOneSnapshotPerRadarScanTimeAndTheLoopTime()
    {
        var dir = Testing.TestPaths.NewTempDirectory();
        var scenario = Path.Combine(dir, "sim.json");
        var tracks = Path.Combine(dir, "tracks.json");
        VigiaCli.AssertExit(CommandLine.Ok, Simulate(scenario));

        var result = VigiaCli.Run("track", "--scenario", scenario, "--out", tracks);

        VigiaCli.AssertExit(CommandLine.Ok, result);
        Assert.Empty(result.Stdout);
        Assert.StartsWith("tracked ", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(tracks + ".partial"), "the partial file must be renamed to --out");
        using var json = JsonDocument.Parse(File.ReadAllBytes(tracks));
        var root = json.RootElement;
        Assert.Equal("cuas-tracks/1", root.GetProperty("schema").GetString());
        Assert.True(root.GetProperty("timing").GetProperty("loop_s").GetDouble() > 0);
        var snapshotTimes = root.GetProperty("snapshots").EnumerateArray().Select(s => s.GetProperty("t").GetDouble()).ToArray();
        Assert.InRange(snapshotTimes.Length, 30, 31);
        Assert.Equal(RadarScanTimes(scenario), snapshotTimes);
        Assert.Contains(root.GetProperty("snapshots").EnumerateArray(), s => s.GetProperty("tracks").GetArrayLength() > 0);
    }

    [Fact]
    public void Eval_TracksOfASimulatedScenario_ScoreAFiniteMeanGospaBelow60()
    {
        var dir = Testing.TestPaths.NewTempDirectory();
        var scenario = Path.Combine(dir, "sim.json");
        var tracks = Path.Combine(dir, "tracks.json");
        VigiaCli.AssertExit(CommandLine.Ok, Simulate(scenario));
        VigiaCli.AssertExit(CommandLine.Ok, VigiaCli.Run("track", "--scenario", scenario, "--out", tracks));

        var result = VigiaCli.Run("eval", "--scenario", scenario, "--tracks", tracks, "--json");

        VigiaCli.AssertExit(CommandLine.Ok, result);
        using var json = result.StdoutJson();
        var meanGospa = json.RootElement.GetProperty("mean_gospa").GetDouble();
        Assert.True(double.IsFinite(meanGospa) && meanGospa < 60, $"mean GOSPA {meanGospa}");
    }

    [Fact]
    public void Eval_WithAndWithoutTracksFile_ScoreTheSameSnapshots()
    {
        var dir = Testing.TestPaths.NewTempDirectory();
        var scenario = Path.Combine(dir, "sim.json");
        var tracks = Path.Combine(dir, "tracks.json");
        VigiaCli.AssertExit(CommandLine.Ok, Simulate(scenario));
        VigiaCli.AssertExit(CommandLine.Ok, VigiaCli.Run("track", "--scenario", scenario, "--out", tracks));

        var fromFile = VigiaCli.Run("eval", "--scenario", scenario, "--tracks", tracks, "--json");
        var direct = VigiaCli.Run("eval", "--scenario", scenario, "--json");

        using var a = fromFile.StdoutJson();
        using var b = direct.StdoutJson();
        Assert.Equal(a.RootElement.GetProperty("per_step").GetRawText(), b.RootElement.GetProperty("per_step").GetRawText());
        Assert.Equal(a.RootElement.GetProperty("track_switches").GetInt32(), b.RootElement.GetProperty("track_switches").GetInt32());
    }

    [Fact]
    public void Track_SameScenarioTwice_WritesIdenticalSnapshots()
    {
        var dir = Testing.TestPaths.NewTempDirectory();
        var scenario = Path.Combine(dir, "sim.json");
        VigiaCli.AssertExit(CommandLine.Ok, Simulate(scenario));
        var first = Path.Combine(dir, "first.json");
        var second = Path.Combine(dir, "second.json");

        VigiaCli.AssertExit(CommandLine.Ok, VigiaCli.Run("track", "--scenario", scenario, "--out", first));
        VigiaCli.AssertExit(CommandLine.Ok, VigiaCli.Run("track", "--scenario", scenario, "--out", second));

        // timing.loop_s is a wall-clock measurement and may differ; everything the tracker decided may not.
        Assert.Equal(SnapshotsText(first), SnapshotsText(second));
    }

    [Fact]
    public void Eval_TrackerOptionsFile_ChangesTheTracker_AndABadOneExits2NamingIt()
    {
        var dir = Testing.TestPaths.NewTempDirectory();
        var scenario = Path.Combine(dir, "sim.json");
        var settings = Path.Combine(dir, "tracker.json");
        VigiaCli.AssertExit(CommandLine.Ok, Simulate(scenario));
        // With a byte-order mark, as Windows editors save it.
        File.WriteAllText(settings, """{ "MinimumHitsToConfirm": 1, "ConfirmationScore": -1000, "ConfirmOnIdentity": true }""", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var defaults = VigiaCli.Run("eval", "--scenario", scenario, "--json");
        var oneHit = VigiaCli.Run("eval", "--scenario", scenario, "--json", "--tracker-options", settings);

        // Every plot, clutter included, becomes a displayed track at once: no second plot to wait for (a drone still
        // waits for its first plot), many false tracks.
        VigiaCli.AssertExit(CommandLine.Ok, defaults);
        VigiaCli.AssertExit(CommandLine.Ok, oneHit);
        using (var a = defaults.StdoutJson())
        using (var b = oneHit.StdoutJson())
        {
            var (slow, fast) = (a.RootElement.GetProperty("mean_time_to_first_track_s").GetDouble(), b.RootElement.GetProperty("mean_time_to_first_track_s").GetDouble());
            Assert.True(fast < slow - 0.5, $"time to first track {fast} s with one hit, {slow} s with the defaults");
            Assert.True(b.RootElement.GetProperty("mean_false").GetDouble() > a.RootElement.GetProperty("mean_false").GetDouble() + 1);
        }

        var tracks = Path.Combine(dir, "tracks.json");
        VigiaCli.AssertExit(CommandLine.Ok, VigiaCli.Run("track", "--scenario", scenario, "--out", tracks, "--tracker-options", settings));
        using (var written = JsonDocument.Parse(File.ReadAllBytes(tracks)))
        {
            Assert.EndsWith("; settings: ConfirmationScore=-1000, MinimumHitsToConfirm=1", written.RootElement.GetProperty("tracker").GetString(), StringComparison.Ordinal);
        }

        var fromFile = VigiaCli.Run("eval", "--scenario", scenario, "--tracks", tracks, "--json");
        using (var b = oneHit.StdoutJson())
        using (var c = fromFile.StdoutJson())
        {
            Assert.Equal(b.RootElement.GetProperty("per_step").GetRawText(), c.RootElement.GetProperty("per_step").GetRawText());
        }

        foreach (var (content, expected) in new[]
        {
            ("""{ "DisplayCoastSecs": 2 }""", "DisplayCoastSecs: not a tracker setting"),
            ("""{ "DisplayCoastSeconds": "2" }""", "DisplayCoastSeconds: must be a number"),
            ("""{ "MinimumHitsToConfirm": 1.5 }""", "MinimumHitsToConfirm: must be a whole number"),
            ("""{ "GateMahalanobisSquared": 1e400 }""", "GateMahalanobisSquared: must be a finite number"),
            ("""{ "DisplayCoastSeconds": -1 }""", "DisplayCoastSeconds must be a positive number"),
            ("""{ "Imm": {} }""", "Imm: not a tracker setting"),
            ("""[1]""", "must be a JSON object"),
            ("{ \"DisplayCoastSeconds\": ", ":1:"),
        })
        {
            File.WriteAllText(settings, content);
            var bad = VigiaCli.Run("eval", "--scenario", scenario, "--tracker-options", settings);
            VigiaCli.AssertExit(CommandLine.BadInput, bad);
            Assert.Contains($"--tracker-options: {settings}", bad.Stderr, StringComparison.Ordinal);
            Assert.Contains(expected, bad.Stderr, StringComparison.Ordinal);
            VigiaCli.AssertNoStackTrace(bad);
        }

        var missing = VigiaCli.Run("track", "--scenario", scenario, "--out", tracks, "--tracker-options", Path.Combine(dir, "none.json"));
        VigiaCli.AssertExit(CommandLine.BadInput, missing);
        Assert.Contains("no such file", missing.Stderr, StringComparison.Ordinal);
    }

    private static CliResult Simulate(string output) =>
        VigiaCli.Run("simulate", "--seed", "5", "--targets", "10", "--duration-s", "30", "--out", output);

    /// <summary>The distinct times of the scenario's radar scans, in order.</summary>
    private static double[] RadarScanTimes(string scenario)
    {
        using var reader = ScenarioReader.Open(scenario);
        var radars = reader.Header.Sensors.Where(s => s.Type == "radar").Select(s => s.Id).ToHashSet();
        return [.. reader.ReadScans().Where(s => radars.Contains(s.Sensor)).Select(s => s.TimeSeconds).Distinct()];
    }

    private static string SnapshotsText(string tracksPath)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(tracksPath));
        var snapshots = json.RootElement.GetProperty("snapshots");
        Assert.NotEqual(0, snapshots.GetArrayLength());
        return snapshots.GetRawText();
    }
}

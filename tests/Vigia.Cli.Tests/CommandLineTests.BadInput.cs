using System.Text.RegularExpressions;
using Vigia.Cli.Tests.Support;

namespace Vigia.Cli.Tests;

/// <summary>
/// Bad input through the commands. File-level faults stop the command with exit 2 and one line
/// <c>FILE:LINE:COL: field: reason</c> on stderr, never a stack trace. Detection-level faults (NaN or ∞,
/// unknown sensor id, wrong value count, covariance not positive definite) skip the detection, are
/// counted by reason in the stderr summary, and the command still exits 0.
/// </summary>
public sealed partial class CommandLineTests
{
    /// <summary>Every file of the scenario reader's malformed corpus (linked from Vigia.Scenarios.Tests).</summary>
    public static TheoryData<string> MalformedCorpus => [.. MalformedFileNames()];

    [Fact]
    public void MalformedCorpus_IsPresentInTheTestOutput()
    {
        Assert.True(MalformedFileNames().Length >= 10, $"only {MalformedFileNames().Length} malformed corpus files found");
    }

    [Theory]
    [MemberData(nameof(MalformedCorpus))]
    public void Track_MalformedScenario_Exits2WithOneFileLineColumnMessageAndWritesNoFile(string name)
    {
        var path = Malformed(name);
        var output = Path.Combine(Testing.TestPaths.NewTempDirectory(), "tracks.json");

        var result = VigiaCli.Run("track", "--scenario", path, "--out", output);

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        AssertOneFaultLine(path, result);
        Assert.Empty(result.Stdout);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(output)!));
    }

    [Theory]
    [MemberData(nameof(MalformedCorpus))]
    public void Eval_MalformedScenario_Exits2WithOneFileLineColumnMessage(string name)
    {
        var path = Malformed(name);

        var result = VigiaCli.Run("eval", "--scenario", path);

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        AssertFaultLine(path, result);
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [MemberData(nameof(MalformedCorpus))]
    public void EvalWithTracks_MalformedScenario_Exits2WithOneFileLineColumnMessage(string name)
    {
        var path = Malformed(name);

        var result = VigiaCli.Run("eval", "--scenario", path, "--tracks", VigiaCli.ReferenceTracks("radar-n5-s1"), "--json");

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        AssertOneFaultLine(path, result);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Track_ScenarioTruncatedInsideItsTruth_Exits2WithOneFileLineColumnMessage()
    {
        var dir = Testing.TestPaths.NewTempDirectory();
        var path = WriteN5TruncatedInsideItsTruth(dir);

        var output = Path.Combine(dir, "tracks.json");

        var result = VigiaCli.Run("track", "--scenario", path, "--out", output);

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        AssertOneFaultLine(path, result);
        Assert.False(File.Exists(output), "a failed run must not leave a tracks file");
        Assert.False(File.Exists(output + ".partial"), "a failed run must not leave its partial file");
    }

    [Fact]
    public void Eval_ScenarioTruncatedInsideItsTruth_Exits2WithAFileLineColumnMessage()
    {
        var dir = Testing.TestPaths.NewTempDirectory();
        var path = WriteN5TruncatedInsideItsTruth(dir);

        var result = VigiaCli.Run("eval", "--scenario", path, "--json");

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        AssertFaultLine(path, result);
        Assert.Contains("truncated file", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Track_UnsortedScans_ReportsTheScanTimeField()
    {
        var path = Malformed("unsorted-scans.json");

        var result = VigiaCli.Run("track", "--scenario", path, "--out", Path.Combine(Testing.TestPaths.NewTempDirectory(), "t.json"));

        Assert.Equal($"{path}:13:11: scans[2].t: scans are not sorted by time: 1 after 2", result.Stderr.TrimEnd());
    }

    [Theory]
    [InlineData("NonFiniteValue", """{"sensor": "radar-1", "kind": "rae", "values": [1000.0, "NaN", 0.1]}""")]
    [InlineData("NonFiniteValue", """{"sensor": "radar-1", "kind": "rae", "values": [1e999, 1.0, 0.1]}""")]
    [InlineData("UnknownSensor", """{"sensor": "radar-9", "kind": "rae", "values": [1000.0, 1.0, 0.1]}""")]
    [InlineData("WrongValueCount", """{"sensor": "radar-1", "kind": "rae", "values": [1000.0, 1.0]}""")]
    [InlineData("WrongValueCount", """{"sensor": "radar-1", "kind": "rae", "values": [1000.0, 1.0, 0.1, 7.0]}""")]
    [InlineData("CovarianceNotPositiveDefinite", """{"sensor": "radar-1", "kind": "rae", "values": [1000.0, 1.0, 0.1], "covariance": [[25, 0, 0], [0, -7.6e-5, 0], [0, 0, 7.6e-5]]}""")]
    [InlineData("CovarianceNotPositiveDefinite", """{"sensor": "radar-1", "kind": "rae", "values": [1000.0, 1.0, 0.1], "covariance": [[25, 0, 0], [0, "NaN", 0], [0, 0, 7.6e-5]]}""")]
    public void Track_DetectionLevelFault_SkipsTheDetectionCountsItByReasonAndExits0(string reason, string detection)
    {
        var dir = Testing.TestPaths.NewTempDirectory();
        var scenario = TinyScenario.Write(dir, "fault.json", detection);
        var output = Path.Combine(dir, "tracks.json");

        var result = VigiaCli.Run("track", "--scenario", scenario, "--out", output);

        VigiaCli.AssertExit(CommandLine.Ok, result);
        Assert.Contains($"tracked {TinyScenario.Scans} measurements", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"skipped detections: 1 ({reason}=1)", result.Stderr, StringComparison.Ordinal);
        VigiaCli.AssertNoStackTrace(result);
        Assert.Equal(TinyScenario.Scans, Snapshots(output).GetArrayLength());
    }

    [Fact]
    public void TrackAndEval_EveryDetectionLevelFaultInOneScan_CountEachReasonAndExit0()
    {
        var dir = Testing.TestPaths.NewTempDirectory();
        var scenario = TinyScenario.Write(
            dir,
            "faults.json",
            """{"sensor": "radar-1", "kind": "rae", "values": [1000.0, "NaN", 0.1]}""",
            """{"sensor": "radar-1", "kind": "rae", "values": [1000.0, 1.0, 1e999]}""",
            """{"sensor": "radar-9", "kind": "rae", "values": [1000.0, 1.0, 0.1]}""",
            """{"sensor": "radar-1", "kind": "rae", "values": [1000.0, 1.0]}""",
            """{"sensor": "radar-1", "kind": "rae", "values": [1000.0, 1.0, 0.1], "covariance": [[25, 0, 0], [0, 0, 0], [0, 0, 7.6e-5]]}""");
        const string Expected = "skipped detections: 5 (NonFiniteValue=2, CovarianceNotPositiveDefinite=1, UnknownSensor=1, WrongValueCount=1)";

        var track = VigiaCli.Run("track", "--scenario", scenario, "--out", Path.Combine(dir, "tracks.json"));
        var eval = VigiaCli.Run("eval", "--scenario", scenario, "--json");

        VigiaCli.AssertExit(CommandLine.Ok, track);
        Assert.Contains(Expected, track.Stderr, StringComparison.Ordinal);
        VigiaCli.AssertNoStackTrace(track);
        VigiaCli.AssertExit(CommandLine.Ok, eval);
        Assert.Contains(Expected, eval.Stderr, StringComparison.Ordinal);
        VigiaCli.AssertNoStackTrace(eval);
        using var report = eval.StdoutJson();
        Assert.True(double.IsFinite(report.RootElement.GetProperty("mean_gospa").GetDouble()));
    }

    [Fact]
    public void Track_CleanScenario_PrintsNoSkippedDetectionsLine()
    {
        var dir = Testing.TestPaths.NewTempDirectory();
        var scenario = TinyScenario.Write(dir, "clean.json");

        var result = VigiaCli.Run("track", "--scenario", scenario, "--out", Path.Combine(dir, "tracks.json"));

        VigiaCli.AssertExit(CommandLine.Ok, result);
        Assert.Contains($"tracked {TinyScenario.Scans} measurements, {TinyScenario.Scans} snapshots", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("skipped", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty", "")]
    [InlineData("not-json", "hello, world\n")]
    [InlineData("truncated", "{\"schema\": \"cuas-tracks/1\", \"snapshots\": [{\"t\": 0.0, \"tracks\": [\n")]
    [InlineData("unknown-schema", "{\"schema\": \"cuas-tracks/9\", \"snapshots\": []}\n")]
    [InlineData("missing-snapshots", "{\"schema\": \"cuas-tracks/1\"}\n")]
    [InlineData("track-without-x", "{\"schema\": \"cuas-tracks/1\", \"snapshots\": [{\"t\": 0.0, \"tracks\": [{\"id\": \"1\", \"y\": 0, \"z\": 0}]}]}\n")]
    [InlineData("duplicate-track-id", "{\"schema\": \"cuas-tracks/1\", \"snapshots\": [{\"t\": 0.0, \"tracks\": [{\"id\": \"1\", \"x\": 0, \"y\": 0, \"z\": 0}, {\"id\": \"1\", \"x\": 9, \"y\": 0, \"z\": 0}]}]}\n")]
    public void EvalWithTracks_MalformedTracksFile_Exits2WithOneFileLineColumnMessage(string name, string content)
    {
        var path = Path.Combine(Testing.TestPaths.NewTempDirectory(), name + ".tracks.json");
        File.WriteAllText(path, content);

        var result = VigiaCli.Run("eval", "--scenario", VigiaCli.SharedScenario("radar-n5-s1"), "--tracks", path, "--json");

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        AssertOneFaultLine(path, result);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void EvalWithTracks_SnapshotOffTheScanTimes_Exits2NamingTheTracksFile()
    {
        var path = Path.Combine(Testing.TestPaths.NewTempDirectory(), "off-grid.tracks.json");
        File.WriteAllText(path, "{\"schema\": \"cuas-tracks/1\", \"snapshots\": [{\"t\": 0.25, \"tracks\": []}]}\n");

        var result = VigiaCli.Run("eval", "--scenario", VigiaCli.SharedScenario("radar-n5-s1"), "--tracks", path, "--json");

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        Assert.StartsWith($"{path}: snapshot at t = 0.25 s is not a radar scan time", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
        VigiaCli.AssertNoStackTrace(result);
    }

    /// <summary>The shared n5 scenario cut 300 characters into its truth array (after all its scans).</summary>
    private static string WriteN5TruncatedInsideItsTruth(string dir)
    {
        var text = File.ReadAllText(VigiaCli.SharedScenario("radar-n5-s1"));
        var path = Path.Combine(dir, "truncated-truth.json");
        File.WriteAllText(path, text[..(text.IndexOf("\"truth\"", StringComparison.Ordinal) + 300)]);
        return path;
    }

    private static string[] MalformedFileNames()
    {
        var names = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "malformed")).Select(f => Path.GetFileName(f)).ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }

    private static string Malformed(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "malformed", name);

    /// <summary>stderr is exactly one line, <c>FILE:LINE:COL: field: reason</c>, for this file.</summary>
    private static void AssertOneFaultLine(string path, CliResult result)
    {
        VigiaCli.AssertNoStackTrace(result);
        var pattern = $@"\A{Regex.Escape(path)}:\d+:\d+: [^:\n]+: .+\z";
        Assert.Matches(new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1)), result.Stderr.TrimEnd('\r', '\n'));
    }

    /// <summary>
    /// stderr ends with one <c>FILE:LINE:COL: field: reason</c> line for this file; log lines (the tracker's
    /// summary, when a fault is found only after tracking) may come before it.
    /// </summary>
    private static void AssertFaultLine(string path, CliResult result)
    {
        VigiaCli.AssertNoStackTrace(result);
        var lines = result.Stderr.TrimEnd('\r', '\n').Split('\n');
        var pattern = new Regex($@"\A{Regex.Escape(path)}:\d+:\d+: [^:]+: .+\z", RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.Matches(pattern, lines[^1]);
        Assert.Single(lines, pattern.IsMatch);
    }

    private static System.Text.Json.JsonElement Snapshots(string tracksPath)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(tracksPath));
        return document.RootElement.GetProperty("snapshots").Clone();
    }
}

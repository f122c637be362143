using Vigia.Cli.Tests.Support;
using Vigia.Scenarios.Format;
using Vigia.Testing;

namespace Vigia.Cli.Tests;

/// <summary><c>vigia simulate --script FILE</c>: a vigia-script/1 file to a cuas-scenario/1 file, or exit 2 with the fault's place.</summary>
public sealed class SimulateScriptTests
{
    private const string Script = """
        {
          "schema": "vigia-script/1",
          "origin": { "lat": 19.0960, "lon": -102.8290, "h": 448 },
          "duration_s": 30,
          "sensors": [
            { "id": "radar-a", "kind": "radar", "position": { "enu": [0, 0, 0] }, "range_max_m": 3000, "clutter_per_scan": 2 },
            { "id": "radar-b", "kind": "radar", "position": { "enu": [1000, 0, 0] }, "range_max_m": 3000, "offset_s": 0.2 },
            { "id": "rid-a", "kind": "remote-id", "position": { "enu": [500, 0, 0] }, "range_m": 2000 }
          ],
          "targets": [
            { "label": "coop", "speed_mps": 10, "remote_id": { "uas_id": "COOP-1" },
              "waypoints": [ { "enu": [200, 200, 80] }, { "enu": [600, 200, 80], "hover_s": 5 } ] }
          ]
        }
        """;

    [Fact]
    public void Simulate_WithScript_WritesAScenarioWithEverySensor()
    {
        var dir = TestPaths.NewTempDirectory();
        var script = Path.Combine(dir, "s.script.json");
        var output = Path.Combine(dir, "out.json");
        File.WriteAllText(script, Script);

        var result = VigiaCli.Run("simulate", "--script", script, "--out", output, "--seed", "4");

        VigiaCli.AssertExit(CommandLine.Ok, result);
        Assert.Contains("seed 4", result.Stderr, StringComparison.Ordinal);
        using var reader = ScenarioReader.Open(output);
        Assert.Equal(["radar-a", "radar-b", "rid-a"], reader.Header.Sensors.Select(s => s.Id.Value));
        Assert.Equal(19.096, reader.Header.OriginWgs84!.Value.LatitudeDegrees, 9);
        var scans = reader.ReadScans().ToList();
        Assert.Equal(90, scans.Count);
        Assert.Contains(scans, s => s.Sensor.Value == "rid-a" && s.Observations.Any(o => o.UasId == "COOP-1"));
        Assert.Contains(scans, s => s.Sensor.Value == "radar-b" && s.TimeSeconds == 0.2);
        Assert.Equal(0, reader.Faults.Total);
    }

    [Fact]
    public void Simulate_WithABadScript_Exits2WithFileLineColumnFieldAndReason()
    {
        var dir = TestPaths.NewTempDirectory();
        var script = Path.Combine(dir, "bad.script.json");
        File.WriteAllText(script, Script.Replace("\"range_m\": 2000", "\"range_m\": -1", StringComparison.Ordinal));

        var result = VigiaCli.Run("simulate", "--script", script, "--out", Path.Combine(dir, "out.json"));

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        Assert.StartsWith($"{script}:8:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(": sensors[2].range_m: -1 is outside [1, 1000000]", result.Stderr, StringComparison.Ordinal);
        VigiaCli.AssertNoStackTrace(result);
        Assert.False(File.Exists(Path.Combine(dir, "out.json")));
    }

    [Fact]
    public void Simulate_WithScriptAndAnOptionOfTheRandomModel_Exits2NamingIt()
    {
        var dir = TestPaths.NewTempDirectory();
        var script = Path.Combine(dir, "s.script.json");
        File.WriteAllText(script, Script);

        var result = VigiaCli.Run("simulate", "--script", script, "--out", Path.Combine(dir, "out.json"), "--targets", "5");

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        Assert.Contains("--targets: unknown option", result.Stderr, StringComparison.Ordinal);
    }
}

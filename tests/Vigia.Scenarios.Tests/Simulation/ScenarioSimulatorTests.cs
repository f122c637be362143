using System.Security.Cryptography;
using Vigia.Scenarios.Format;
using Vigia.Scenarios.Simulation;
using Vigia.Testing;

namespace Vigia.Scenarios.Tests.Simulation;

public sealed partial class ScenarioSimulatorTests(ITestOutputHelper output)
{
    [Fact]
    public void WriteFile_SameSeed_WritesIdenticalBytes()
    {
        var dir = TestPaths.NewTempDirectory();
        var options = new SimulationOptions { Seed = 7, Targets = 20, DurationSeconds = 30 };

        ScenarioSimulator.WriteFile(options, Path.Combine(dir, "a.json"));
        ScenarioSimulator.WriteFile(options, Path.Combine(dir, "b.json"));
        ScenarioSimulator.WriteFile(options with { Seed = 8 }, Path.Combine(dir, "c.json"));

        var a = SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, "a.json")));
        Assert.Equal(a, SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, "b.json"))));
        Assert.NotEqual(a, SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, "c.json"))));
    }

    [Fact]
    public void WriteFile_SameSeedOtherClutter_KeepsTheTruth()
    {
        var dir = TestPaths.NewTempDirectory();
        var options = new SimulationOptions { Seed = 11, Targets = 10, DurationSeconds = 40 };

        ScenarioSimulator.WriteFile(options, Path.Combine(dir, "a.json"));
        ScenarioSimulator.WriteFile(options with { ClutterPerScan = 50 }, Path.Combine(dir, "b.json"));

        Assert.Equal(ReadTruth(Path.Combine(dir, "a.json")), ReadTruth(Path.Combine(dir, "b.json")));
    }

    [Fact]
    public void WriteFile_Output_IsAValidScenarioThatFollowsTheModel()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "sim.json");
        var options = new SimulationOptions { Seed = 5, Targets = 30, DurationSeconds = 300 };

        var summary = ScenarioSimulator.WriteFile(options, path);

        using var reader = ScenarioReader.Open(path);
        var scans = reader.ReadScans().ToList();
        var truth = reader.ReadTruth();
        Assert.Equal(0, reader.Faults.Total);
        Assert.Equal(600, scans.Count);
        Assert.Equal(summary.Scans, scans.Count);
        Assert.Equal(summary.RadarDetections + summary.RemoteIdReports, scans.Sum(s => s.Observations.Count));
        Assert.Equal(summary.TruthTargets, truth.Count);
        Assert.All(scans.Where(s => s.Sensor == ScenarioSimulator.RemoteIdId).SelectMany(s => s.Observations),
            o => Assert.Matches("^RID-[0-9]{5}$", o.UasId!));
        Assert.All(truth, t =>
        {
            Assert.InRange(t.States.Count, 1, 121);
            Assert.True(t.DeathSeconds is null || t.DeathSeconds - t.BirthSeconds <= 120.1);
            Assert.All(t.States, s =>
            {
                Assert.InRange(s.Z, options.AltitudeMinMeters, options.AltitudeMaxMeters);
                Assert.InRange(Math.Sqrt((s.Vx * s.Vx) + (s.Vy * s.Vy) + (s.Vz * s.Vz)), 0, options.SpeedMaxMetersPerSecond + 0.01);
                Assert.InRange(Math.Sqrt((s.X * s.X) + (s.Y * s.Y)), 0, options.AreaRadiusMeters + 3);
                Assert.True(s.T >= t.BirthSeconds && (t.DeathSeconds is null || s.T < t.DeathSeconds));
            });
        });
        var meanAlive = truth.Sum(t => t.States.Count) / 300.0;
        Assert.InRange(meanAlive, 0.85 * options.Targets, 0.98 * options.Targets);
    }

    private static List<string> ReadTruth(string path)
    {
        using var reader = ScenarioReader.Open(path);
        return reader.ReadTruth().Select(t => $"{t.Id} {t.UasId} {t.BirthSeconds} {t.DeathSeconds} {string.Join(";", t.States)}").ToList();
    }
}

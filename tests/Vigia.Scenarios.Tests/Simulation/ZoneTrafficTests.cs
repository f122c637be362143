using System.Security.Cryptography;
using System.Text;
using Vigia.Core.Geodesy;
using Vigia.Scenarios.Format;
using Vigia.Scenarios.Simulation;
using Vigia.Testing;

namespace Vigia.Scenarios.Tests.Simulation;

/// <summary>
/// Zone traffic (<see cref="ZoneTrafficOptions"/>) in both simulators: roles, zones and the allow-list are written;
/// threats approach from beyond the standoff, enter, stay and leave; cooperative drones keep clear of every zone and
/// buffer; allow-listed drones broadcast the listed UAS ID; everything is deterministic by seed.
/// </summary>
public sealed class ZoneTrafficTests
{
    private static readonly GeoPosition Origin = new(19.08, -102.81, 400);
    private static readonly LocalTangentPlane Plane = new(Origin);

    private static readonly ScenarioZone North = Circle("north", 19.089, -102.81, 300, 500);
    private static readonly ScenarioZone East = new()
    {
        Id = "east",
        Name = "East",
        Kind = "village",
        Polygon = [new(19.073, -102.798), new(19.073, -102.792), new(19.077, -102.792), new(19.077, -102.798)],
        FloorMeters = 0,
        CeilingMeters = 150,
        HeightReference = "agl",
        BufferMeters = 400,
    };

    private static readonly SimulationOptions Options = new()
    {
        Seed = 5,
        Targets = 2,
        DurationSeconds = 1600,
        OriginWgs84 = Origin,
        Zones = [North, East],
        ZoneTraffic = new ZoneTrafficOptions { Threats = 2, Cooperative = 3, Allowed = 1, ThreatSpeedMetersPerSecond = 14, StandoffMeters = 1500 },
    };

    [Fact]
    public void WriteFile_ZoneTraffic_WritesZonesAllowListAndRolesBeforeTheRandomTargets()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "traffic.json");

        var summary = ScenarioSimulator.WriteFile(Options, path);

        using var reader = ScenarioReader.Open(path);
        Assert.Equal([North, East], reader.Header.Zones);
        Assert.Equal(["RID-00005"], reader.Header.AllowList);
        Assert.Equal(0, reader.Faults.Total);
        var uasIds = reader.ReadScans().SelectMany(s => s.Observations).Select(o => o.UasId).OfType<string>().ToHashSet();
        var truth = reader.ReadTruth();
        Assert.Equal(summary.TruthTargets, truth.Count);
        Assert.Equal(
            [TruthRole.Threat, TruthRole.Threat, TruthRole.Cooperative, TruthRole.Cooperative, TruthRole.Cooperative, TruthRole.Allowed],
            truth.Take(6).Select(t => t.Role!.Value));
        Assert.All(truth.Skip(6), t => Assert.Null(t.Role));
        Assert.All(truth.Take(2), t => Assert.Null(t.UasId));
        Assert.All(truth.Skip(2).Take(4), t => Assert.Contains(t.UasId!, uasIds));
        Assert.Equal("RID-00005", truth[5].UasId);
    }

    [Fact]
    public void WriteFile_Threats_StartBeyondTheStandoffEnterTheirZoneWithinTheSpeedAndLeave()
    {
        var truth = Simulate(Options);
        var zones = new[] { North, East };
        for (var i = 0; i < 2; i++)
        {
            var threat = truth[i];
            var target = zones[i % 2];
            var first = threat.States[0];
            Assert.All(zones, z => Assert.True(Distance(z, first) >= z.BufferMeters + 1500 - 1, $"threat {i} starts {Distance(z, first):F0} m from {z.Id}"));
            var inside = threat.States.Where(s => Distance(target, s) == 0).ToList();
            Assert.True(inside.Count >= 15, $"threat {i} spent {inside.Count} s inside {target.Id}");
            Assert.All(threat.States, s => Assert.InRange(Math.Sqrt((s.Vx * s.Vx) + (s.Vy * s.Vy)), 0, 14 + 1e-6));
            Assert.Contains(threat.States, s => Math.Sqrt((s.Vx * s.Vx) + (s.Vy * s.Vy)) < 0.01 || Math.Abs(Math.Sqrt((s.Vx * s.Vx) + (s.Vy * s.Vy)) - 2.5) < 0.01);
            Assert.NotNull(threat.DeathSeconds);
            Assert.True(Distance(target, threat.States[^1]) > target.BufferMeters + 1000, $"threat {i} ends {Distance(target, threat.States[^1]):F0} m out");
        }
    }

    [Fact]
    public void WriteFile_CooperativeDrones_NeverEnterAZoneOrItsBufferAndFlyTheWholeScenario()
    {
        var options = Options with { DurationSeconds = 3000, ZoneTraffic = Options.ZoneTraffic! with { Threats = 0, Allowed = 0, Cooperative = 6 } };

        var truth = Simulate(options);

        var cooperative = truth.Where(t => t.Role == TruthRole.Cooperative).ToList();
        Assert.Equal(6, cooperative.Count);
        Assert.All(cooperative, t =>
        {
            Assert.Null(t.DeathSeconds);
            Assert.Equal(3000, t.States.Count);
            foreach (var zone in new[] { North, East })
            {
                var closest = t.States.Min(s => Distance(zone, s));
                Assert.True(closest > zone.BufferMeters, $"truth {t.Id} came {closest:F0} m from {zone.Id} (buffer {zone.BufferMeters} m)");
            }
        });
        Assert.All(cooperative, t => Assert.True(t.States.Max(s => Math.Sqrt((s.X * s.X) + (s.Y * s.Y))) <= 3000, "stays within the area radius"));
    }

    [Fact]
    public void WriteFile_ZoneTraffic_IsDeterministicBySeed()
    {
        var dir = TestPaths.NewTempDirectory();
        var options = Options with { DurationSeconds = 300 };

        ScenarioSimulator.WriteFile(options, Path.Combine(dir, "a.json"));
        ScenarioSimulator.WriteFile(options, Path.Combine(dir, "b.json"));
        ScenarioSimulator.WriteFile(options with { Seed = 6 }, Path.Combine(dir, "c.json"));

        var a = SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, "a.json")));
        Assert.Equal(a, SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, "b.json"))));
        Assert.NotEqual(a, SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, "c.json"))));
    }

    [Fact]
    public void Validate_ThreatsWithoutZonesOrZonesWithoutOrigin_AreRefused()
    {
        Assert.Contains("ZoneTraffic", Assert.Throws<ArgumentException>(() => (Options with { Zones = [] }).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("OriginWgs84", Assert.Throws<ArgumentException>(() => (Options with { OriginWgs84 = null }).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("ThreatSpeedMetersPerSecond", Assert.Throws<ArgumentException>(
            () => (Options with { ZoneTraffic = Options.ZoneTraffic! with { ThreatSpeedMetersPerSecond = 16 } }).Validate()).Message, StringComparison.Ordinal);
    }

    private const string Script = """
        {
          "schema": "vigia-script/1",
          "origin": { "lat": 19.08, "lon": -102.81, "h": 400 },
          "duration_s": 900,
          "seed": 3,
          "sensors": [ { "id": "radar-a", "kind": "radar", "position": { "enu": [0, 0, 0] }, "range_max_m": 3500 },
                       { "id": "rid-a", "kind": "remote-id", "position": { "enu": [0, 0, 0] }, "range_m": 4000 } ],
          "zones": [ { "id": "z", "name": "Z", "kind": "village", "circle": { "lat": 19.089, "lon": -102.81, "radius_m": 300 },
                       "floor_m": 0, "ceiling_m": 150, "height_ref": "agl", "buffer_m": 500 } ],
          "allow_list": [ "SURVEY-1" ],
          "targets": [
            { "label": "survey", "role": "allowed", "speed_mps": 8, "remote_id": { "uas_id": "SURVEY-2" },
              "waypoints": [ { "enu": [0, 600, 60] }, { "enu": [0, 1000, 60], "hover_s": 30 } ] },
            { "label": "intruder", "role": "threat", "speed_mps": 10,
              "waypoints": [ { "enu": [0, 3000, 60] }, { "enu": [0, 1000, 60] } ] }
          ],
          "zone_traffic": { "threats": 1, "cooperative": 1, "standoff_m": 1200 },
          "random": { "count": 1 }
        }
        """;

    [Fact]
    public void ScriptedSimulator_ScriptWithZonesRolesAndZoneTraffic_WritesThemAll()
    {
        var script = ScriptedScenarioReader.Read("zones.script.json", Encoding.UTF8.GetBytes(Script));
        var path = Path.Combine(TestPaths.NewTempDirectory(), "scripted.json");

        ScriptedSimulator.WriteFile(script, path);

        using var reader = ScenarioReader.Open(path);
        Assert.Equal("z", Assert.Single(reader.Header.Zones).Id);
        Assert.Equal(["SURVEY-1", "SURVEY-2"], reader.Header.AllowList);
        var truth = reader.ReadTruth();
        Assert.Equal([TruthRole.Allowed, TruthRole.Threat, TruthRole.Threat, TruthRole.Cooperative], truth.Take(4).Select(t => t.Role!.Value));
        Assert.Null(truth[4].Role);
        Assert.Null(truth[2].UasId);
        Assert.Equal("RID-00003", truth[3].UasId);
    }

    [Theory]
    [InlineData("\"kind\": \"village\"", "\"kind\": \"castle\"", "zones[0].kind", "'castle' is not one of")]
    [InlineData("\"radius_m\": 300", "\"radius_m\": -3", "zones[0].circle.radius_m", "must be within (0, 100000] metres")]
    [InlineData("\"role\": \"threat\"", "\"role\": \"enemy\"", "targets[1].role", "expected \"threat\", \"cooperative\" or \"allowed\"")]
    [InlineData("\"threats\": 1,", "\"threats\": 1.5,", "zone_traffic.threats", "must be an integer")]
    [InlineData("\"standoff_m\": 1200", "\"standoff_m\": 1200, \"speed\": 3", "zone_traffic.speed", "unknown field")]
    public void ScriptedScenarioReader_BadZoneOrRole_ThrowsNamingTheField(string find, string replace, string field, string reason)
    {
        Assert.Contains(find, Script, StringComparison.Ordinal);
        var bad = Script.Replace(find, replace, StringComparison.Ordinal);

        var e = Assert.Throws<ScenarioFormatException>(() => ScriptedScenarioReader.Read("bad.json", Encoding.UTF8.GetBytes(bad)));

        Assert.Equal(field, e.Field);
        Assert.StartsWith(reason, e.Reason, StringComparison.Ordinal);
        var line = bad[..bad.IndexOf(replace, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        Assert.Equal(line, e.Line);
    }

    private static ScenarioZone Circle(string id, double lat, double lon, double radius, double buffer) => new()
    {
        Id = id,
        Name = id,
        Kind = "other",
        Circle = new ZoneCircle(lat, lon, radius),
        FloorMeters = 0,
        CeilingMeters = 150,
        HeightReference = "agl",
        BufferMeters = buffer,
    };

    /// <summary>Horizontal distance from a truth state to a zone's outline, computed independently of the simulator (0 inside).</summary>
    private static double Distance(ScenarioZone zone, TruthState s)
    {
        if (zone.Circle is { } c)
        {
            var centre = Plane.ToEnu(new GeoPosition(c.LatitudeDegrees, c.LongitudeDegrees, Origin.HeightAboveEllipsoidMeters));
            return Math.Max(0, Math.Sqrt(Math.Pow(s.X - centre.EastMeters, 2) + Math.Pow(s.Y - centre.NorthMeters, 2)) - c.RadiusMeters);
        }

        // The test polygon is an axis-aligned rectangle in latitude/longitude: distance to the box in ENU.
        var corners = zone.Polygon!.Select(p => Plane.ToEnu(new GeoPosition(p.LatitudeDegrees, p.LongitudeDegrees, Origin.HeightAboveEllipsoidMeters))).ToList();
        var (minX, maxX) = (corners.Min(p => p.EastMeters), corners.Max(p => p.EastMeters));
        var (minY, maxY) = (corners.Min(p => p.NorthMeters), corners.Max(p => p.NorthMeters));
        var dx = Math.Max(0, Math.Max(minX - s.X, s.X - maxX));
        var dy = Math.Max(0, Math.Max(minY - s.Y, s.Y - maxY));
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    private static IReadOnlyList<TruthTrack> Simulate(SimulationOptions options)
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "sim.json");
        ScenarioSimulator.WriteFile(options, path);
        using var reader = ScenarioReader.Open(path);
        return reader.ReadTruth();
    }
}

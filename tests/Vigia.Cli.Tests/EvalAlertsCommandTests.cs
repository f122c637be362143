using System.Text.Json;
using Vigia.Cli.Tests.Support;
using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Scenarios.Format;
using Vigia.Testing;

namespace Vigia.Cli.Tests;

/// <summary>
/// <c>vigia eval --alerts</c> (docs/alerting-scenarios.md): the tracker and the alerting engine on a generated zone
/// scenario meet the warning, lead-time and flap targets; clutter alone stays within the false-alert target; a
/// hand-made tracks file pins down how alerts are matched to threat truths, false alerts and flaps; bad input exits 2.
/// </summary>
public sealed class EvalAlertsCommandTests
{
    private const string Origin = "19.08,-102.81,400";
    private const string Zones = "19.089,-102.81,300,500;19.075,-102.795,250,500";

    [Fact]
    public void EvalAlerts_GeneratedThreatScenario_WarnsBeforeEveryTargetEntryWithLeadTimeAndNoFlap()
    {
        var dir = TestPaths.NewTempDirectory();
        var scenario = Path.Combine(dir, "threats.json");
        VigiaCli.AssertExit(CommandLine.Ok, VigiaCli.Run(
            "simulate", "--out", scenario, "--seed", "1", "--targets", "0", "--duration-s", "2400", "--origin", Origin,
            "--zone-circle", Zones, "--threats", "3", "--cooperative", "2", "--allowed", "1"));

        var result = VigiaCli.Run("eval", "--alerts", "--scenario", scenario, "--json");

        VigiaCli.AssertExit(CommandLine.Ok, result);
        using var json = result.StdoutJson();
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("truths").GetProperty("threat").GetInt32());
        var target = root.GetProperty("entries").GetProperty("target");
        Assert.Equal(3, target.GetProperty("count").GetInt32());
        Assert.True(target.GetProperty("warned_fraction").GetDouble() >= 0.95, result.Stdout);
        Assert.True(target.GetProperty("median_lead_s").GetDouble() >= 30, result.Stdout);
        Assert.Equal(0, root.GetProperty("flaps").GetProperty("count").GetInt32());
        foreach (var rule in root.GetProperty("latency").EnumerateArray())
        {
            Assert.Equal(0, rule.GetProperty("after_condition").GetProperty("over_limit").GetInt32());
            Assert.Equal(0, rule.GetProperty("missed").GetInt32());
        }

        var entries = root.GetProperty("entries").GetProperty("list").EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.True(e.GetProperty("detected_outside_buffer_m").GetDouble() >= 1000));
        var falseAlerts = root.GetProperty("false_alerts");
        Assert.Equal(falseAlerts.GetProperty("list").GetArrayLength(), falseAlerts.GetProperty("count").GetInt32());
        Assert.All(falseAlerts.GetProperty("list").EnumerateArray(), a => Assert.NotEqual("threat", a.GetProperty("cause").GetString()));
        Assert.True(root.GetProperty("alerts").GetProperty("by_peak_level").GetProperty("alarm").GetInt32() >= 3);
    }

    [Fact]
    public void EvalAlerts_ClutterOnlyScenario_StaysWithinOneFalseAlertPerHour()
    {
        var dir = TestPaths.NewTempDirectory();
        var scenario = Path.Combine(dir, "clutter.json");
        VigiaCli.AssertExit(CommandLine.Ok, VigiaCli.Run(
            "simulate", "--out", scenario, "--seed", "2", "--targets", "0", "--duration-s", "1800", "--origin", Origin, "--zone-circle", Zones));

        var result = VigiaCli.Run("eval", "--alerts", "--scenario", scenario, "--json");

        VigiaCli.AssertExit(CommandLine.Ok, result);
        using var json = result.StdoutJson();
        var root = json.RootElement;
        Assert.Equal(0, root.GetProperty("truths").GetProperty("threat").GetInt32());
        Assert.Equal(0, root.GetProperty("entries").GetProperty("all").GetProperty("count").GetInt32());
        Assert.True(root.GetProperty("false_alerts").GetProperty("per_hour").GetDouble() <= 1, result.Stdout);
        Assert.True(root.GetProperty("measurements").GetInt64() > 1800 * 8, "the clutter was tracked");
    }

    [Fact]
    public void EvalAlerts_HandMadeTracks_MatchAlertsToThreatTruthsAndCountFalseAlertsAndFlaps()
    {
        var (scenario, tracks) = WriteHandMadeCase(TestPaths.NewTempDirectory());

        var result = VigiaCli.Run("eval", "--alerts", "--scenario", scenario, "--tracks", tracks, "--json");

        VigiaCli.AssertExit(CommandLine.Ok, result);
        using var json = result.StdoutJson();
        var root = json.RootElement;

        // The threat: tracked 5 m off its truth, warned by predicted entry long before it crossed the outline at t = 180 s.
        var entry = Assert.Single(root.GetProperty("entries").GetProperty("list").EnumerateArray());
        Assert.Equal(0, entry.GetProperty("truth_id").GetInt32());
        Assert.Equal(180, entry.GetProperty("t").GetDouble(), 1);
        Assert.True(entry.GetProperty("warned").GetBoolean());
        Assert.InRange(entry.GetProperty("lead_s").GetDouble(), 100, 180);
        Assert.Equal(0, entry.GetProperty("first_detected_t").GetDouble());
        Assert.InRange(entry.GetProperty("detected_outside_buffer_m").GetDouble(), 1495, 1505);
        Assert.True(entry.GetProperty("target").GetBoolean());

        // Three alerts: the threat's (true), then two ghosts' (false), the second raised less than a minute after the first cleared.
        Assert.Equal(3, root.GetProperty("alerts").GetProperty("raised").GetInt32());
        var falseAlerts = root.GetProperty("false_alerts");
        Assert.Equal(2, falseAlerts.GetProperty("count").GetInt32());
        Assert.Equal(2 * 3600.0 / 1200, falseAlerts.GetProperty("per_hour").GetDouble(), 6);
        Assert.All(falseAlerts.GetProperty("list").EnumerateArray(), a =>
        {
            Assert.Equal("false track", a.GetProperty("cause").GetString());
            Assert.Equal("warning", a.GetProperty("peak_level").GetString());
            Assert.True(a.GetProperty("raised_t").GetDouble() >= 600);
        });
        var flap = Assert.Single(root.GetProperty("flaps").GetProperty("list").EnumerateArray());
        Assert.InRange(flap.GetProperty("raised_t").GetDouble() - flap.GetProperty("previous_cleared_t").GetDouble(), 1, 60);
        Assert.Equal("false track, then false track", flap.GetProperty("cause").GetString());
        Assert.Equal(1, root.GetProperty("truths").GetProperty("threat").GetInt32());
        Assert.Equal(1, root.GetProperty("truths").GetProperty("cooperative").GetInt32());
    }

    [Fact]
    public void EvalAlerts_AConditionMetWhileNoTrackIsOnTheDrone_CountsFromWhenOneIsAgain()
    {
        // The threat crosses the outline at t = 180 s while its track is missing (179-182 s; it coasts through the
        // gap): the alarm comes with the first track inside (183 s), which is on time, not 3 s late.
        var (scenario, tracks) = WriteHandMadeCase(TestPaths.NewTempDirectory(), unseen: (179, 183));

        var result = VigiaCli.Run("eval", "--alerts", "--scenario", scenario, "--tracks", tracks, "--json");

        VigiaCli.AssertExit(CommandLine.Ok, result);
        using var json = result.StdoutJson();
        var inside = json.RootElement.GetProperty("latency").EnumerateArray().Single(l => l.GetProperty("rule").GetString() == "inside");
        var after = inside.GetProperty("after_condition");
        Assert.Equal((1, 0), (after.GetProperty("count").GetInt32(), after.GetProperty("over_limit").GetInt32()));
        Assert.InRange(after.GetProperty("max_s").GetDouble(), 0, 1);
        Assert.Equal(0, inside.GetProperty("late").GetArrayLength());
    }

    [Fact]
    public void EvalAlerts_Json_HasTheDocumentedShape()
    {
        var (scenario, tracks) = WriteHandMadeCase(TestPaths.NewTempDirectory());

        var result = VigiaCli.Run("eval", "--alerts", "--scenario", scenario, "--tracks", tracks, "--json");

        VigiaCli.AssertExit(CommandLine.Ok, result);
        using var json = result.StdoutJson();
        var root = json.RootElement;
        Assert.Equal(
            ["duration_s", "zones", "truths", "entries", "latency", "alerts", "false_alerts", "flaps", "tracker", "loop_s", "measurements"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["threat", "cooperative", "allowed"], root.GetProperty("truths").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["all", "target", "appeared_inside", "list"], root.GetProperty("entries").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["count", "warned", "warned_fraction", "median_lead_s", "min_lead_s"], root.GetProperty("entries").GetProperty("all").EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["truth_id", "zone", "t", "warned", "first_warning_t", "lead_s", "first_detected_t", "detected_outside_buffer_m", "approach_speed_mps", "target"],
            root.GetProperty("entries").GetProperty("list")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["in_buffer", "predicted_entry", "inside"], root.GetProperty("latency").EnumerateArray().Select(l => l.GetProperty("rule").GetString()));
        Assert.Equal(["rule", "level", "after_condition", "at_once", "missed", "never_detected", "late"], root.GetProperty("latency")[0].EnumerateObject().Select(p => p.Name));
        foreach (var rule in root.GetProperty("latency").EnumerateArray())
        {
            var over = rule.GetProperty("after_condition").GetProperty("over_limit").GetInt32() + rule.GetProperty("at_once").GetProperty("over_limit").GetInt32();
            Assert.Equal(over, rule.GetProperty("late").GetArrayLength());
        }

        Assert.Equal(["count", "median_s", "max_s", "limit_s", "over_limit"], root.GetProperty("latency")[0].GetProperty("after_condition").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["raised", "by_peak_level", "updates", "cleared"], root.GetProperty("alerts").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["advisory", "warning", "alarm"], root.GetProperty("alerts").GetProperty("by_peak_level").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["count", "per_hour", "by_peak_level", "list"], root.GetProperty("false_alerts").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "zone", "raised_t", "cleared_t", "peak_level", "cause"], root.GetProperty("false_alerts").GetProperty("list")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["count", "list"], root.GetProperty("flaps").EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("loop_s").ValueKind);
        Assert.Equal("hand-made", root.GetProperty("tracker").GetString());
    }

    [Fact]
    public void EvalAlerts_Text_ListsTheFiguresEntriesFalseAlertsAndFlaps()
    {
        var (scenario, tracks) = WriteHandMadeCase(TestPaths.NewTempDirectory());

        var result = VigiaCli.Run("eval", "--alerts", "--scenario", scenario, "--tracks", tracks);

        VigiaCli.AssertExit(CommandLine.Ok, result);
        const string Widest = "target entries (detected >= 1 km out, <= 15 m/s)";
        string Row(string name, string value) => name.PadRight(Widest.Length) + "  " + value + "\n";
        Assert.Contains(Row(Widest, "1"), result.Stdout, StringComparison.Ordinal);
        Assert.Contains(Row("  warned before entry", "1 of 1 (100.0 %)"), result.Stdout, StringComparison.Ordinal);
        Assert.Contains(Row("false alerts", "2 (6.00 per hour; advisory 0, warning 2, alarm 0)"), result.Stdout, StringComparison.Ordinal);
        Assert.Contains(Row("flaps (raised <= 60 s after a clear)", "1"), result.Stdout, StringComparison.Ordinal);
        Assert.Contains(Row("alerts raised", "3 (advisory 0, warning 2, alarm 1)"), result.Stdout, StringComparison.Ordinal);
        Assert.Contains("      0  north                  180.0     yes", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("peak warning, tracks: false track\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("alerting: 1200 radar scan times", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalAlerts_ScenarioWithoutZones_Exits2NamingZones()
    {
        var path = VigiaCli.SharedScenario("radar-n5-s1");

        var result = VigiaCli.Run("eval", "--alerts", "--scenario", path);

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        Assert.Equal($"{path}:1:1: zones: missing: an alerting evaluation needs protected zones (docs/alerting-scenarios.md)", result.Stderr.Trim());
        VigiaCli.AssertNoStackTrace(result);
    }

    [Fact]
    public void EvalAlerts_ZoneTheEngineRefuses_Exits2AtTheZoneNamingTheField()
    {
        var dir = TestPaths.NewTempDirectory();
        var (scenario, _) = WriteHandMadeCase(dir, new ScenarioZone
        {
            Id = "bow-tie",
            Name = "Bow tie",
            Kind = "village",
            Polygon = [new(19.08, -102.81), new(19.09, -102.80), new(19.09, -102.81), new(19.08, -102.80)],
            FloorMeters = 0,
            CeilingMeters = 150,
            HeightReference = "agl",
        });

        var result = VigiaCli.Run("eval", "--alerts", "--scenario", scenario);

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        Assert.StartsWith($"{scenario}:1:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(": zones[0].polygon_wgs84: ", result.Stderr, StringComparison.Ordinal);
        VigiaCli.AssertNoStackTrace(result);
    }

    [Fact]
    public void EvalAlerts_RulesFile_ReplacesTheDefaults_AndABadOneExits2NamingIt()
    {
        var dir = TestPaths.NewTempDirectory();
        var (scenario, tracks) = WriteHandMadeCase(dir);
        var rules = Path.Combine(dir, "rules.json");
        File.WriteAllText(rules, """{ "WarningHorizonSeconds": 5, "CooperativeWarningHorizonSeconds": 5 }""");

        var result = VigiaCli.Run("eval", "--alerts", "--scenario", scenario, "--tracks", tracks, "--rules", rules, "--json");

        // With a 5 s horizon the threat is warned only seconds before it crosses (100-180 s with the defaults).
        VigiaCli.AssertExit(CommandLine.Ok, result);
        using (var json = result.StdoutJson())
        {
            var entry = Assert.Single(json.RootElement.GetProperty("entries").GetProperty("list").EnumerateArray());
            Assert.InRange(entry.GetProperty("lead_s").GetDouble(), 0, 10);
        }

        File.WriteAllText(rules, """{ "WarningHorizonSecs": 5 }""");
        var unknown = VigiaCli.Run("eval", "--alerts", "--scenario", scenario, "--tracks", tracks, "--rules", rules);
        VigiaCli.AssertExit(CommandLine.BadInput, unknown);
        Assert.Contains("WarningHorizonSecs", unknown.Stderr, StringComparison.Ordinal);

        File.WriteAllText(rules, """{ "WarningHorizonSeconds": -1 }""");
        var invalid = VigiaCli.Run("eval", "--alerts", "--scenario", scenario, "--tracks", tracks, "--rules", rules);
        VigiaCli.AssertExit(CommandLine.BadInput, invalid);
        Assert.Contains("WarningHorizonSeconds: must be within", invalid.Stderr, StringComparison.Ordinal);
        VigiaCli.AssertNoStackTrace(invalid);

        var missing = VigiaCli.Run("eval", "--alerts", "--scenario", scenario, "--rules", Path.Combine(dir, "none.json"));
        VigiaCli.AssertExit(CommandLine.BadInput, missing);
        Assert.Contains("--rules: ", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalAlerts_WithSteps_Exits2()
    {
        var result = VigiaCli.Run("eval", "--alerts", "--steps", "--scenario", "s.json");

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        Assert.Contains("--steps: not with --alerts", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_ZoneFlags_WriteZonesRolesAndTheAllowList()
    {
        var dir = TestPaths.NewTempDirectory();
        var geojson = Path.Combine(dir, "zones.geojson");
        File.WriteAllText(geojson, """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature",
               "geometry": {"type": "Polygon", "coordinates": [[[-102.800, 19.070], [-102.795, 19.070], [-102.795, 19.074], [-102.800, 19.070]]]},
               "properties": {"id": "el-bejuco", "name": "El Bejuco", "kind": "village", "floor_m": 0, "ceiling_m": 150, "height_ref": "agl", "buffer_m": 400}}]}
            """);
        var scenario = Path.Combine(dir, "zones.json");

        var result = VigiaCli.Run("simulate", "--out", scenario, "--seed", "3", "--targets", "1", "--duration-s", "200", "--origin", Origin,
            "--zones", geojson, "--zone-circle", "19.089,-102.81,300,500", "--threats", "1", "--cooperative", "1", "--allowed", "1", "--threat-speed-mps", "15");

        VigiaCli.AssertExit(CommandLine.Ok, result);
        using var reader = ScenarioReader.Open(scenario);
        Assert.Equal(["el-bejuco", "zone-2"], reader.Header.Zones.Select(z => z.Id));
        Assert.Equal(4, reader.Header.Zones[0].Polygon!.Count);
        Assert.Equal(new ZoneCircle(19.089, -102.81, 300), reader.Header.Zones[1].Circle);
        Assert.Equal(["RID-00002"], reader.Header.AllowList);
        var truth = reader.ReadTruth();
        Assert.Equal([TruthRole.Threat, TruthRole.Cooperative, TruthRole.Allowed], truth.Take(3).Select(t => t.Role!.Value));
        Assert.Null(truth[3].Role);
    }

    [Theory]
    [InlineData("--zones, --zone-circle: need --origin", "--zone-circle", "19.089,-102.81,300,500")]
    [InlineData("--threats, --allowed: need zones", "--origin", Origin, "--threats", "2")]
    [InlineData("--zone-circle: '19.089,-102.81,300' is not lat,lon,radius_m,buffer_m", "--origin", Origin, "--zone-circle", "19.089,-102.81,300")]
    [InlineData("--zone-circle: '19.089,-102.81,0,500': circle.radius_m: must be within (0, 100000] metres, got 0", "--origin", Origin, "--zone-circle", "19.089,-102.81,0,500")]
    [InlineData("--threat-speed-mps: 20 is outside [1, 15]", "--origin", Origin, "--zone-circle", "19.089,-102.81,300,500", "--threats", "1", "--threat-speed-mps", "20")]
    public void Simulate_BadZoneOrRoleOption_Exits2NamingIt(string message, params string[] options)
    {
        var dir = TestPaths.NewTempDirectory();

        var result = VigiaCli.Run(["simulate", "--out", Path.Combine(dir, "s.json"), .. options]);

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "s.json")));
    }

    /// <summary>
    /// A 1200 s scenario at <see cref="Origin"/> with one circular zone (radius 200 m, buffer 300 m) centred 1 km north,
    /// a threat truth (id 0) flying south at 10 m/s from 3 km north to the zone's centre (entering at t = 180 s) and
    /// hovering there until t = 260 s, and a cooperative truth (id 1) far away. The tracks file follows the threat 5 m
    /// to its east (track "a"), and has two ghost tracks with no truth, each heading for the zone at 5 m/s for a minute
    /// from 1 km east of the outline ("g1" from t = 600 s, "g2" from t = 720 s): each is predicted to enter within the
    /// horizon from its 40th second on, and g1's alert clears (de-escalation 15 s + clear dwell 60 s) about 75 s after g1
    /// goes, shortly before g2's is raised.
    /// </summary>
    private static (string Scenario, string Tracks) WriteHandMadeCase(string dir, ScenarioZone? zone = null, (int From, int To)? unseen = null)
    {
        var origin = new GeoPosition(19.08, -102.81, 400);
        var centre = new LocalTangentPlane(origin).ToGeodetic(new EnuVector(0, 1000, 0));
        zone ??= new ScenarioZone
        {
            Id = "north",
            Name = "North",
            Kind = "village",
            Circle = new ZoneCircle(centre.LatitudeDegrees, centre.LongitudeDegrees, 200),
            FloorMeters = 0,
            CeilingMeters = 150,
            HeightReference = "agl",
            BufferMeters = 300,
        };
        var scenario = Path.Combine(dir, "hand-made.json");
        var radar = new SensorId("radar-1");
        var header = new ScenarioHeader
        {
            EpochUtc = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
            EndSeconds = 1200,
            OriginWgs84 = origin,
            Sensors = [new ScenarioSensor { Id = radar, Type = "radar", Kind = MeasurementKind.RangeAzimuthElevation, NoiseStd = [5, 0.0087, 0.0087] }],
            Zones = [zone],
        };
        using (var writer = ScenarioWriter.Create(scenario, header))
        {
            writer.BeginTruth(0, null, 0, TruthRole.Threat);
            writer.BeginTruth(1, "COOP-1", 0);
            for (var t = 0; t < 1200; t++)
            {
                writer.BeginScan(t, radar);
                writer.EndScan();
                if (t < 260)
                {
                    writer.WriteTruthState(0, Threat(t));
                }
                else if (t == 260)
                {
                    writer.EndTruth(0, 260);
                }

                writer.WriteTruthState(1, new TruthState(t, -2500, -2000, 80, 0, 0, 0));
            }

            writer.Complete();
        }

        var tracks = Path.Combine(dir, "hand-made.tracks.json");
        var snapshots = new List<TrackFileSnapshot>();
        for (var t = 0; t < 1200; t++)
        {
            var points = new List<TrackPoint>();
            if (t < 260 && !(unseen is { } gap && t >= gap.From && t < gap.To))
            {
                var s = Threat(t);
                points.Add(new TrackPoint("a", s.X + 5, s.Y, s.Z));
            }

            foreach (var (id, from) in new[] { ("g1", 600), ("g2", 720) })
            {
                if (t >= from && t < from + 60)
                {
                    points.Add(new TrackPoint(id, 1200 - (5.0 * (t - from)), 1000, 80));
                }
            }

            snapshots.Add(new TrackFileSnapshot(t, points));
        }

        using (var stream = File.Create(tracks))
        {
            TrackFileWriter.Write(stream, new TrackFile { Tracker = "hand-made", Snapshots = snapshots });
        }

        return (scenario, tracks);

        static TruthState Threat(int t) => t <= 200
            ? new TruthState(t, 0, 3000 - (10.0 * t), 80, 0, -10, 0)
            : new TruthState(t, 0, 1000, 80, 0, 0, 0);
    }
}

using System.Text;
using System.Text.Json;
using Vigia.Core.Geodesy;
using Vigia.Scenarios.Format;
using Vigia.Scenarios.Simulation;
using Vigia.Testing;

namespace Vigia.Scenarios.Tests.Simulation;

/// <summary>
/// <see cref="ScriptedSimulator"/> on small scripts: scripted routes, hovers, Remote ID on and off, sensor ranges,
/// several radars and receivers. Figures are read straight from the written JSON (truth ids included).
/// </summary>
public sealed class ScriptedSimulatorTests
{
    private const string Origin = """{ "lat": 19.0960, "lon": -102.8290, "h": 448 }""";

    [Fact]
    public void ScriptedTarget_FollowsItsWaypoints_TruthExactAndRadarPlotsWithinNoise()
    {
        var file = Simulate(Script(
            Radar("radar-1", "[0,0,0]", rangeMax: 5000, pd: 1, clutter: 0),
            """{ "label": "a", "start_s": 2, "speed_mps": 10, "waypoints": [ { "enu": [1000, 0, 100] }, { "enu": [1000, 1000, 100] }, { "enu": [0, 1000, 200] } ] }"""));

        var truth = Truth(file, 0);
        Assert.Equal(2.0, truth.GetProperty("birth_t").GetDouble());
        foreach (var s in truth.GetProperty("states").EnumerateArray())
        {
            var t = s.GetProperty("t").GetDouble() - 2;
            var (x, y, z) = (s.GetProperty("x").GetDouble(), s.GetProperty("y").GetDouble(), s.GetProperty("z").GetDouble());
            var (ex, ey, ez) = t <= 100 ? (1000.0, 10 * t, 100.0) : (1000 - ((t - 100) * 10 / Math.Sqrt(1 + 0.01)), 1000.0, 100 + ((t - 100) * 10 * 0.1 / Math.Sqrt(1.01)));
            Assert.True(Math.Abs(x - ex) < 0.01 && Math.Abs(y - ey) < 0.01 && Math.Abs(z - ez) < 0.01, $"t={t + 2}: ({x}, {y}, {z}) vs ({ex}, {ey}, {ez})");
        }

        // Leg 1 takes 100 s, leg 2 sqrt(1000² + 100²)/10 = 100.5 s: it leaves at 2 + 200.5 s.
        Assert.Equal(102 + (Math.Sqrt(1010000) / 10), truth.GetProperty("death_t").GetDouble(), 6);

        // Every plot of the target converts back to within 4 sigma (range 5 m, angles 0.5° at its range) of the truth.
        var states = truth.GetProperty("states").EnumerateArray().ToDictionary(s => s.GetProperty("t").GetDouble());
        var plots = 0;
        foreach (var (t, d) in Detections(file, "radar-1").Where(x => x.Detection.GetProperty("truth_id").ValueKind == JsonValueKind.Number))
        {
            var v = d.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var s = states[t];
            var range = Math.Sqrt(Math.Pow(s.GetProperty("x").GetDouble(), 2) + Math.Pow(s.GetProperty("y").GetDouble(), 2) + Math.Pow(s.GetProperty("z").GetDouble(), 2));
            Assert.InRange(v[0] - range, -20, 20);
            var (e, n, u) = (v[0] * Math.Cos(v[2]) * Math.Sin(v[1]), v[0] * Math.Cos(v[2]) * Math.Cos(v[1]), v[0] * Math.Sin(v[2]));
            var miss = Math.Sqrt(Math.Pow(e - s.GetProperty("x").GetDouble(), 2) + Math.Pow(n - s.GetProperty("y").GetDouble(), 2) + Math.Pow(u - s.GetProperty("z").GetDouble(), 2));
            Assert.True(miss < 20 + (4 * range * 0.5 * Math.PI / 180 * Math.Sqrt(2)), $"t={t}: plot {miss:F1} m from the truth at {range:F0} m");
            plots++;
        }

        Assert.Equal(201, plots); // Pd = 1: one plot per scan at t = 2…202.
    }

    [Fact]
    public void ScriptedTarget_HoversForTheStatedTime_ThenGoesOn()
    {
        var file = Simulate(Script(
            Radar("radar-1", "[0,0,0]", rangeMax: 5000, pd: 1, clutter: 0),
            """{ "label": "h", "speed_mps": 20, "waypoints": [ { "enu": [500, 0, 100] }, { "enu": [500, 400, 100], "hover_s": 30 }, { "enu": [0, 400, 100] } ] }"""));

        // Arrives at (500, 400) at t = 20 s, hovers until 50 s, then flies 500 m west at 20 m/s: leaves at 75 s.
        var states = Truth(file, 0).GetProperty("states").EnumerateArray().ToArray();
        var still = states.Where(s => s.GetProperty("vx").GetDouble() == 0 && s.GetProperty("vy").GetDouble() == 0).Select(s => s.GetProperty("t").GetDouble()).ToArray();
        Assert.Equal(Enumerable.Range(20, 30).Select(i => (double)i), still);
        Assert.All(states.Where(s => s.GetProperty("t").GetDouble() is >= 20 and < 50), s =>
        {
            Assert.Equal(500, s.GetProperty("x").GetDouble(), 6);
            Assert.Equal(400, s.GetProperty("y").GetDouble(), 6);
        });
        Assert.Equal(75, Truth(file, 0).GetProperty("death_t").GetDouble(), 6);
    }

    [Fact]
    public void LoopAndHold_LoopingTargetComesBackToItsFirstWaypoint_HoldingOneStaysToTheEnd()
    {
        var file = Simulate(Script(
            Radar("radar-1", "[0,0,0]", rangeMax: 5000, pd: 1, clutter: 0),
            """{ "label": "loop", "speed_mps": 10, "end": "loop", "waypoints": [ { "enu": [0, 500, 50] }, { "enu": [300, 500, 50] } ] }""",
            """{ "label": "hold", "speed_mps": 10, "end": "hold", "waypoints": [ { "enu": [0, -500, 50] }, { "enu": [0, -600, 50] } ] }"""));

        // Loop: 30 s out, 30 s back: at 0 and 60 s at the first waypoint, at 30 and 90 s at the second.
        var loop = Truth(file, 0);
        Assert.Equal(JsonValueKind.Null, loop.GetProperty("death_t").ValueKind);
        foreach (var (t, x) in new[] { (0.0, 0.0), (30, 300), (60, 0), (90, 300), (119, 10) })
        {
            Assert.Equal(x, loop.GetProperty("states").EnumerateArray().Single(s => s.GetProperty("t").GetDouble() == t).GetProperty("x").GetDouble(), 6);
        }

        var hold = Truth(file, 1);
        Assert.Equal(JsonValueKind.Null, hold.GetProperty("death_t").ValueKind);
        var last = hold.GetProperty("states").EnumerateArray().Last();
        Assert.Equal(-600, last.GetProperty("y").GetDouble(), 6);
        Assert.Equal(0, last.GetProperty("vy").GetDouble());
    }

    [Fact]
    public void RemoteId_OnlyBroadcastersAreReported_WithTheirUasIdAndOperator_AndOnlyWithinTheReceiverRange()
    {
        var file = Simulate(Script(
            [
                Radar("radar-1", "[0,0,0]", rangeMax: 5000, pd: 1, clutter: 0),
                """{ "id": "rid-a", "kind": "remote-id", "position": { "enu": [0, 0, 0] }, "range_m": 1000, "pd": 1 }""",
                """{ "id": "rid-b", "kind": "remote-id", "position": { "enu": [2000, 0, 0] }, "range_m": 600, "pd": 1, "sigma_m": 2 }""",
            ],
            """{ "label": "coop", "speed_mps": 20, "remote_id": { "uas_id": "COOP-1", "operator": { "enu": [10, 20, 0] } }, "waypoints": [ { "enu": [0, 0, 100] }, { "enu": [2400, 0, 100] } ] }""",
            """{ "label": "dark", "speed_mps": 20, "waypoints": [ { "enu": [0, 10, 100] }, { "enu": [2400, 10, 100] } ] }"""));

        var reports = Detections(file, "rid-a").Concat(Detections(file, "rid-b")).ToArray();
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.Equal(0, r.Detection.GetProperty("truth_id").GetInt32()));
        Assert.All(reports, r => Assert.Equal("COOP-1", r.Detection.GetProperty("uas_id").GetString()));

        var plane = new LocalTangentPlane(new GeoPosition(19.0960, -102.8290, 448));
        var op = reports[0].Detection.GetProperty("operator_wgs84").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var opEnu = plane.ToEnu(new GeoPosition(op[0], op[1], op[2]));
        Assert.InRange(opEnu.EastMeters, 9.99, 10.01);
        Assert.InRange(opEnu.NorthMeters, 19.99, 20.01);

        // x = 20 (t - 0.5) at a report time: rid-a hears it up to 1 km (3-D, 100 m up), rid-b within 600 m of x = 2000.
        var a = Detections(file, "rid-a").Select(r => r.T).ToArray();
        var b = Detections(file, "rid-b").Select(r => r.T).ToArray();
        Assert.Equal(Enumerable.Range(0, 50).Select(i => i + 0.5), a); // 20 t <= sqrt(1000² - 100²) = 995: t <= 49.7
        Assert.Equal(Enumerable.Range(70, 50).Select(i => i + 0.5), b); // |20 t - 2000| <= sqrt(600² - 100²) = 591.6
        foreach (var (t, d) in Detections(file, "rid-b"))
        {
            var v = d.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.InRange(v[0] - (20 * t), -8, 8); // 4 sigma of 2 m
            Assert.InRange(v[1], -8, 8);
        }
    }

    [Fact]
    public void Radar_DetectsOnlyWithinItsRange_AndSeveralRadarsEachScan()
    {
        var file = Simulate(Script(
            [
                Radar("radar-near", "[0,0,0]", rangeMax: 1000, pd: 1, clutter: 0),
                Radar("radar-far", "[3000,500,0]", rangeMax: 1000, pd: 1, clutter: 3),
            ],
            """{ "label": "t", "speed_mps": 30, "waypoints": [ { "enu": [100, 0, 50] }, { "enu": [3100, 0, 50] } ] }"""));

        using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
        var sensors = doc.RootElement.GetProperty("sensors").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToArray();
        Assert.Equal(["radar-near", "radar-far"], sensors);
        var far = doc.RootElement.GetProperty("sensors")[1];
        Assert.Equal([3000.0, 500, 0], far.GetProperty("position").EnumerateArray().Select(e => e.GetDouble()));

        // x = 100 + 30 t, z = 50: near sees it while sqrt(x² + 50²) <= 1000 (t <= 29.96), far (500 m north of the
        // track) while (x - 3000)² + 500² + 50² <= 1000² (t >= 67.9); it leaves at 100 s.
        var near = Detections(file, "radar-near").Where(d => d.Detection.GetProperty("truth_id").ValueKind == JsonValueKind.Number).Select(d => d.T);
        var farHits = Detections(file, "radar-far").Where(d => d.Detection.GetProperty("truth_id").ValueKind == JsonValueKind.Number).Select(d => d.T);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (double)i), near);
        Assert.Equal(Enumerable.Range(68, 32).Select(i => (double)i), farHits);

        // Both radars scan every second; the truth is sampled once per scan time.
        Assert.Equal(300, Detections(file, "radar-near", includeEmptyScans: true).Select(d => d.T).Distinct().Count());
        Assert.Equal(300, Detections(file, "radar-far", includeEmptyScans: true).Select(d => d.T).Distinct().Count());
        var times = Truth(file, 0).GetProperty("states").EnumerateArray().Select(s => s.GetProperty("t").GetDouble()).ToArray();
        Assert.Equal(times.Distinct().Count(), times.Length);

        // The file reads back through the scenario reader: plots of the far radar are relative to its position.
        using var reader = ScenarioReader.Open(file);
        Assert.Equal(2, reader.Header.RadarSensors.Count);
        var scan = reader.ReadScans().First(s => s.Sensor.Value == "radar-far" && s.Observations.Count > 0);
        Assert.Equal(3000, scan.Observations[0].Measurement.SensorPosition.EastMeters);
    }

    [Fact]
    public void RandomTargets_BesideScriptedOnes_AreSeeded()
    {
        var script = Build(
            [Radar("radar-1", "[0,0,0]", rangeMax: 4000, pd: 0.9, clutter: 5)],
            ["""{ "label": "s", "speed_mps": 10, "waypoints": [ { "enu": [0, 0, 100] }, { "enu": [500, 0, 100] } ] }"""],
            """{ "count": 5, "rid_fraction": 0.5 }""");
        var one = Simulate(script);
        var two = Simulate(script);
        Assert.Equal(File.ReadAllBytes(one), File.ReadAllBytes(two));

        using var doc = JsonDocument.Parse(File.ReadAllBytes(one));
        var ids = doc.RootElement.GetProperty("truth").EnumerateArray().Select(t => t.GetProperty("id").GetInt32()).ToArray();
        Assert.Equal(0, ids[0]);
        Assert.True(ids.Length >= 6, $"{ids.Length} truths");
        var other = Simulate(script.Replace("\"seed\": 5", "\"seed\": 6", StringComparison.Ordinal));
        Assert.NotEqual(File.ReadAllBytes(one), File.ReadAllBytes(other));
    }

    private static string Radar(string id, string enu, double rangeMax, double pd, double clutter) =>
        $$"""{ "id": "{{id}}", "kind": "radar", "position": { "enu": {{enu}} }, "range_max_m": {{rangeMax}}, "pd": {{pd}}, "clutter_per_scan": {{clutter}} }""";

    private static string Script(string sensor, params string[] targets) => Build([sensor], targets, null);

    private static string Script(string[] sensors, params string[] targets) => Build(sensors, targets, null);

    private static string Build(string[] sensors, string[] targets, string? random) =>
        $$"""
        {
          "schema": "vigia-script/1",
          "origin": {{Origin}},
          "duration_s": 300,
          "seed": 5,
          "sensors": [ {{string.Join(",\n", sensors)}} ],
          "targets": [ {{string.Join(",\n", targets)}} ]{{(random is null ? "" : ",\n  \"random\": " + random)}}
        }
        """;

    private static string Simulate(string script)
    {
        var dir = TestPaths.NewTempDirectory();
        var scenario = ScriptedScenarioReader.Read("test.script.json", Encoding.UTF8.GetBytes(script));
        var path = Path.Combine(dir, "out.json");
        ScriptedSimulator.WriteFile(scenario, path);
        return path;
    }

    private static JsonElement Truth(string file, int id)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
        return doc.RootElement.GetProperty("truth").EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == id).Clone();
    }

    private static List<(double T, JsonElement Detection)> Detections(string file, string sensor, bool includeEmptyScans = false)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
        var list = new List<(double, JsonElement)>();
        foreach (var scan in doc.RootElement.GetProperty("scans").EnumerateArray().Where(s => s.GetProperty("sensor").GetString() == sensor))
        {
            var t = scan.GetProperty("t").GetDouble();
            var detections = scan.GetProperty("detections");
            if (includeEmptyScans && detections.GetArrayLength() == 0)
            {
                list.Add((t, default));
            }

            foreach (var d in detections.EnumerateArray())
            {
                list.Add((t, d.Clone()));
            }
        }

        return list;
    }
}

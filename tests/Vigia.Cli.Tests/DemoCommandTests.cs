using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vigia.Cli.Demo;
using Vigia.Cli.Tests.Support;
using Vigia.Core.Geodesy;
using Vigia.Testing;

namespace Vigia.Cli.Tests;

/// <summary>
/// <c>vigia demo</c> as a real child process: the printed URL and operator key work, the demo sensors are
/// registered, tracks appear and everything is an exercise; a busy port is replaced and said so; Ctrl+C
/// (SIGINT) stops it with exit 0. Plus its usage and the bundled script it plays.
/// </summary>
public sealed class DemoCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly string[] DemoSensors = ["demo-radar-lomas", "demo-rid-el-bejuco", "demo-rid-la-romera"];

    [Fact]
    public async Task Demo_PrintsAWorkingUrlAndKey_RegistersItsSensors_ShowsTracks_AndStopsOnCtrlC()
    {
        var dir = TestPaths.NewTempDirectory();
        var data = Path.Combine(dir, "data");

        // The asked-for port is taken: the demo must take another one and say so.
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var busyPort = ((IPEndPoint)busy.LocalEndpoint).Port;
        using var demo = VigiaProcess.Start(dir, "demo", "--port", busyPort.ToString(CultureInfo.InvariantCulture), "--data", data, "--no-open");

        var url = await WaitForAsync(demo, new Regex(@"console\s+(http://127\.0\.0\.1:\d+/)"));
        var key = await WaitForAsync(demo, new Regex(@"operator key\s+(vgk_[A-Za-z0-9_\-]+)"));
        Assert.Contains($"port {busyPort} is busy; using", demo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain($":{busyPort}/", url, StringComparison.Ordinal);
        Assert.Contains("not a reconstruction", demo.Output, StringComparison.Ordinal);

        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var clock = Stopwatch.StartNew();
        int tracks = 0;
        var cooperativeWithOperator = false;
        string[] sensors = [];
        while (clock.Elapsed < Timeout && (tracks == 0 || !cooperativeWithOperator || DemoSensors.Except(sensors).Any()))
        {
            Assert.False(demo.HasExited, demo.Output);
            await Task.Delay(500, TestContext.Current.CancellationToken);
            using (var picture = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/v1/tracks", UriKind.Relative), TestContext.Current.CancellationToken)))
            {
                tracks = picture.RootElement.GetProperty("tracks").GetArrayLength();
                cooperativeWithOperator |= picture.RootElement.GetProperty("tracks").EnumerateArray()
                    .Any(t => t.TryGetProperty("uas_id", out var u) && u.GetString() == "1596F3HOBBY0001" && t.TryGetProperty("operator", out _));
            }

            using var list = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/v1/sensors", UriKind.Relative), TestContext.Current.CancellationToken));
            sensors = [.. list.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];
        }

        Assert.True(tracks > 0, $"no track within {Timeout.TotalSeconds} s:\n{demo.Output}");
        Assert.True(cooperativeWithOperator, "no track of the hobby drone with its operator position:\n" + demo.Output);
        Assert.Empty(DemoSensors.Except(sensors));
        using (var list = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/v1/sensors", UriKind.Relative), TestContext.Current.CancellationToken)))
        {
            var ranges = list.RootElement.EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("range_m").GetDouble());
            Assert.Equal(7000, ranges["demo-radar-lomas"]);
            Assert.Equal(2500, ranges["demo-rid-el-bejuco"]);
        }

        using (var zones = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/v1/zones", UriKind.Relative), TestContext.Current.CancellationToken)))
        {
            Assert.Equal(
                ["El Bejuco", "La Romera"],
                zones.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()).Order());
        }

        using (var alerts = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/v1/alerts", UriKind.Relative), TestContext.Current.CancellationToken)))
        {
            Assert.All(alerts.RootElement.EnumerateArray(), a => Assert.True(a.GetProperty("exercise").GetBoolean()));
        }

        using (var info = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/v1/info", UriKind.Relative), TestContext.Current.CancellationToken)))
        {
            Assert.True(info.RootElement.GetProperty("exercise").GetBoolean());
        }

        Assert.True(File.Exists(Path.Combine(data, DemoKeys.FileName)));
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Ctrl+C: the replay stops, the server stops, exit 0.
        using (var kill = Process.Start("kill", ["-INT", demo.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        Assert.True(demo.WaitForExit(TimeSpan.FromSeconds(90)), "vigia demo did not stop on SIGINT within 90 s:\n" + demo.Output);
        Assert.True(demo.ExitCode == 0, $"exit {demo.ExitCode}:\n{demo.Output}");
        Assert.Contains("vigia demo: stopped", demo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void DemoZones_AreValidVillagesWithAWatchBuffer()
    {
        var zones = Vigia.Alerting.Zones.ZoneGeoJson.Read(DemoScenario.ZonesGeoJson());
        Assert.Equal(["El Bejuco", "La Romera"], zones.Select(z => z.Name));
        Assert.All(zones, z => Assert.Equal((Vigia.Alerting.Zones.ZoneKind.Village, 1000.0), (z.Kind, z.BufferMeters)));

        // INEGI gives El Bejuco about 40 ha and La Romera about 49 ha of built-up area.
        Assert.InRange(zones[0].Geometry.AreaSquareMeters / 10_000, 35, 45);
        Assert.InRange(zones[1].Geometry.AreaSquareMeters / 10_000, 44, 54);
    }

    [Fact]
    public void Demo_Help_ShowsTheUsage()
    {
        var result = VigiaCli.Run("demo", "--help");

        VigiaCli.AssertExit(CommandLine.Ok, result);
        Assert.StartsWith("usage: vigia demo [--port N] [--data DIR] [--no-open]", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("not a", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus", "1", "--bogus: unknown option")]
    [InlineData("--port", "0", "--port: 0 is outside [1, 65535]")]
    [InlineData("--port", "http", "--port: 'http' is not an integer")]
    public void Demo_BadOption_Exits2NamingIt(string option, string value, string message)
    {
        var result = VigiaCli.Run("demo", option, value, "--no-open");

        VigiaCli.AssertExit(CommandLine.BadInput, result);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("usage: vigia demo", result.Stderr, StringComparison.Ordinal);
        VigiaCli.AssertNoStackTrace(result);
    }

    [Fact]
    public void BundledScript_PlacesTheReceiversInTheVillages_AndHasCooperativeAndNonCooperativeDrones()
    {
        var script = DemoScenario.Script();

        Assert.Contains("ILLUSTRATIVE", script.Description, StringComparison.Ordinal);
        Assert.Contains("NOT a reconstruction", script.Description, StringComparison.Ordinal);
        Assert.InRange(script.DurationSeconds, 300, 600);
        Assert.Equal(DemoSensors, script.Sensors.Select(s => s.Id.Value));

        // The receivers stand on the INEGI points of El Bejuco and La Romera (shared/data/geo/places.json).
        using var places = JsonDocument.Parse(File.ReadAllBytes(TestPaths.SharedData("geo", "places.json")));
        var plane = new LocalTangentPlane(script.Origin);
        foreach (var (sensor, place) in new[] { ("demo-rid-el-bejuco", "el-bejuco"), ("demo-rid-la-romera", "la-romera") })
        {
            var p = places.RootElement.GetProperty("places").EnumerateArray().Single(x => x.GetProperty("id").GetString() == place);
            var expected = plane.ToEnu(new GeoPosition(p.GetProperty("lat").GetDouble(), p.GetProperty("lon").GetDouble(), script.Origin.HeightAboveEllipsoidMeters));
            var actual = script.Sensors.Single(s => s.Id.Value == sensor).Position;
            Assert.True(Math.Abs(actual.EastMeters - expected.EastMeters) < 1 && Math.Abs(actual.NorthMeters - expected.NorthMeters) < 1, $"{sensor} is not at {place}");
        }

        Assert.Single(script.Targets, t => t.UasId is not null && t.OperatorPosition is not null);
        Assert.InRange(script.Targets.Count(t => t.UasId is null), 2, 3);
        Assert.All(script.Targets.Where(t => t.UasId is null), t => Assert.Contains(t.Waypoints, w => w.HoverSeconds > 0));

        // The scenario it makes: every drone is seen by the radar, the cooperative one by a receiver.
        var path = Path.Combine(TestPaths.NewTempDirectory(), "demo.json");
        var summary = DemoScenario.WriteScenario(script, path);
        Assert.Equal(script.Targets.Count, summary.TruthTargets);
        Assert.True(summary.RemoteIdReports > 100, $"{summary.RemoteIdReports} Remote ID reports");
        Assert.True(summary.ClutterDetections > 0);
        using var scenario = JsonDocument.Parse(File.ReadAllBytes(path));
        var seen = scenario.RootElement.GetProperty("scans").EnumerateArray()
            .Where(s => s.GetProperty("sensor").GetString() == "demo-radar-lomas")
            .SelectMany(s => s.GetProperty("detections").EnumerateArray())
            .Where(d => d.GetProperty("truth_id").ValueKind == JsonValueKind.Number)
            .Select(d => d.GetProperty("truth_id").GetInt32()).ToHashSet();
        Assert.Equal(Enumerable.Range(0, script.Targets.Count), seen.Order());
    }

    private static async Task<string> WaitForAsync(VigiaProcess process, Regex pattern)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Timeout)
        {
            var match = pattern.Match(process.Output);
            if (match.Success)
            {
                return match.Groups[1].Value;
            }

            Assert.False(process.HasExited, $"vigia demo exited with {(process.HasExited ? process.ExitCode : 0)}:\n{process.Output}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"no {pattern} within {Timeout.TotalSeconds} s:\n{process.Output}");
        return "";
    }
}

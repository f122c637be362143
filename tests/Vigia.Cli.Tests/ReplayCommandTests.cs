using System.Text.Json;
using Vigia.Cli.Tests.Support;
using Vigia.Scenarios.Format;

namespace Vigia.Cli.Tests;

/// <summary>
/// <c>vigia replay --scenario</c> against the real server (<c>vigia serve</c> as a child process): every
/// observation journalled once, a second replay all duplicates, tracks in the picture; and the usage faults.
/// </summary>
public sealed class ReplayCommandTests
{
    private const string Scenario = "bundled:radar-rid-n20-c50-s2";
    private const string Origin = "19.19,-102.85,420";

    [Fact]
    public async Task Replay_ScenarioTwiceIntoARunningServer_JournalsEachObservationOnceAndShowsTracks()
    {
        var expected = CountObservations(Scenario);
        await using var server = await VigiaServeProcess.StartAsync();

        var first = VigiaCli.Run("replay", "--scenario", Scenario, "--to", server.Address.ToString(), "--key", server.AdminKey, "--origin", Origin, "--speed", "max");

        VigiaCli.AssertExit(0, first);
        using var http = server.Client();
        var tracks = await GetJsonAsync(http, "api/v1/tracks");
        Assert.True(tracks.RootElement.GetProperty("tracks").GetArrayLength() > 0, $"no tracks right after the replay\n{first}\n{server.Log}");
        Assert.Contains($"{expected} observations sent, 0 duplicates", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("registered sensors: radar-1 (radar), rid-1 (remote-id)", first.Stdout, StringComparison.Ordinal);
        Assert.Equal(expected, await AcceptedAsync(http));

        var second = VigiaCli.Run("replay", "--scenario", Scenario, "--to", server.Address.ToString(), "--key", server.AdminKey, "--origin", Origin, "--speed", "max");

        VigiaCli.AssertExit(0, second);
        Assert.Contains($"{expected} observations sent, {expected} duplicates", second.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("registered sensors", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(expected, await AcceptedAsync(http));
    }

    [Fact]
    public async Task Replay_RemoteIdReports_AreJournalledAsGeodeticWithTheirUasIdAndRadarAsRaeInRadians()
    {
        await using var server = await VigiaServeProcess.StartAsync();

        var result = VigiaCli.Run("replay", "--scenario", Scenario, "--to", server.Address.ToString(), "--key", server.AdminKey, "--origin", Origin, "--speed", "max");

        VigiaCli.AssertExit(0, result);
        using var http = server.Client();
        using var rid = await GetJsonAsync(http, "api/v1/observations?sensor=rid-1&limit=5");
        var report = rid.RootElement[0];
        Assert.Equal("geodetic", report.GetProperty("kind").GetString());
        Assert.StartsWith("RID-", report.GetProperty("uas_id").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("radar-rid-n20-c50-s2/", report.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.InRange(report.GetProperty("values")[0].GetDouble(), 19.1, 19.3);
        using var radar = await GetJsonAsync(http, "api/v1/observations?sensor=radar-1&limit=5");
        var plot = radar.RootElement[0];
        Assert.Equal("rae", plot.GetProperty("kind").GetString());
        Assert.Equal("radar-rid-n20-c50-s2/0/0", plot.GetProperty("id").GetString());

        // Stored in radians: the scenario's 0.5° noise (7.6e-5 rad²) round-trips through degrees on the wire.
        Assert.Equal(7.6e-5, plot.GetProperty("covariance")[4].GetDouble(), 1e-6);
    }

    [Fact]
    public void Replay_FileWithoutOriginAndNoOriginOption_Exits2AskingForOrigin()
    {
        var file = TinyScenario.Write(Testing.TestPaths.NewTempDirectory(), "no-origin.json");

        var result = VigiaCli.Run("replay", "--scenario", file, "--to", "http://127.0.0.1:9/", "--key", "vgk_x");

        VigiaCli.AssertExit(2, result);
        Assert.StartsWith("vigia replay: --origin: the scenario", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("has no WGS-84 origin", result.Stderr, StringComparison.Ordinal);
        VigiaCli.AssertNoStackTrace(result);
    }

    [Fact]
    public void Replay_UnreachableServer_Exits1WithOneClearLine()
    {
        var file = TinyScenario.Write(Testing.TestPaths.NewTempDirectory(), "tiny.json");

        var result = VigiaCli.Run("replay", "--scenario", file, "--to", "http://127.0.0.1:9/", "--key", "vgk_x", "--origin", Origin);

        VigiaCli.AssertExit(1, result);
        Assert.StartsWith("vigia replay: cannot reach the server at http://127.0.0.1:9/", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        VigiaCli.AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Replay_KeyTheServerDoesNotKnow_Exits1WithTheReason()
    {
        await using var server = await VigiaServeProcess.StartAsync();
        var file = TinyScenario.Write(Testing.TestPaths.NewTempDirectory(), "tiny.json");

        var result = VigiaCli.Run("replay", "--scenario", file, "--to", server.Address.ToString(), "--key", "vgk_notakey", "--origin", Origin, "--speed", "max");

        VigiaCli.AssertExit(1, result);
        Assert.Contains("HTTP 401", result.Stderr, StringComparison.Ordinal);
        VigiaCli.AssertNoStackTrace(result);
    }

    [Fact]
    public void Replay_WithNeitherScenarioNorPeriod_Exits2SayingWhatToGive()
    {
        var result = VigiaCli.Run("replay", "--to", "http://127.0.0.1:1/");

        VigiaCli.AssertExit(2, result);
        Assert.StartsWith("vigia replay: give --scenario FILE (play into a server) or --from TIME --to TIME (re-run a stored period)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_StoredPeriod_RerunsTheJournalThroughAFreshTracker_AndPrintsReplayEventsAsJsonLines()
    {
        var data = Vigia.Testing.TestPaths.NewTempDirectory();
        var t0 = new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.Zero);
        await using (var journal = await Vigia.Storage.Journal.OpenAsync(new Vigia.Storage.JournalOptions { DataDirectory = data }, TestContext.Current.CancellationToken))
        {
            await journal.AppendObservationsAsync(StoredDrone(t0, 8), TestContext.Current.CancellationToken);
        }

        var result = VigiaCli.Run("replay", "--from", "2026-11-25T17:59:59Z", "--to", "2026-11-25T18:00:30Z", "--data", data);

        VigiaCli.AssertExit(0, result);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Contains(lines, l => l.GetProperty("event").GetString() == "tracks" && l.GetProperty("data").GetRawText().Contains("STORED-1", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Equal("replay", l.GetProperty("data").GetProperty("mode").GetString()));
        Assert.Equal("finished", lines[^1].GetProperty("data").GetProperty("replay").GetProperty("state").GetString());
        Assert.Contains("replayed 8 observations", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_StoredPeriod_ShowsTheAlertsJournalledThen_StandingOnesFirst_ThenEachVersionInTimeOrder()
    {
        var data = Vigia.Testing.TestPaths.NewTempDirectory();
        var t0 = new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.Zero);
        await using (var journal = await Vigia.Storage.Journal.OpenAsync(new Vigia.Storage.JournalOptions { DataDirectory = data }, TestContext.Current.CancellationToken))
        {
            await journal.AppendObservationsAsync(StoredDrone(t0, 10), TestContext.Current.CancellationToken);

            // Standing when the period starts (raised a minute before), one raised and cleared inside it, one
            // raised after it, and one cleared before it started.
            var alerts = (Vigia.Storage.Alerts.IAlertStore)journal;
            await alerts.AppendAlertEventsAsync(
            [
                AlertVersion("old", 1, t0.AddSeconds(-300), "raised", active: true),
                AlertVersion("old", 2, t0.AddSeconds(-200), "cleared", active: false),
                AlertVersion("standing", 1, t0.AddSeconds(-60), "raised", active: true),
                AlertVersion("inside", 1, t0.AddSeconds(3), "raised", active: true),
                AlertVersion("inside", 2, t0.AddSeconds(6), "cleared", active: false),
                AlertVersion("later", 1, t0.AddSeconds(60), "raised", active: true),
            ], TestContext.Current.CancellationToken);
        }

        var result = VigiaCli.Run("replay", "--from", "2026-11-25T17:59:59Z", "--to", "2026-11-25T18:00:30Z", "--data", data);

        VigiaCli.AssertExit(0, result);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var snapshot = Assert.Single(lines, l => l.GetProperty("event").GetString() == "alerts").GetProperty("data");
        Assert.Equal("replay", snapshot.GetProperty("mode").GetString());
        Assert.Equal(["standing"], snapshot.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        var versions = lines.Where(l => l.GetProperty("event").GetString() == "alert").Select(l => l.GetProperty("data")).ToList();
        Assert.Equal([("raised", "inside"), ("cleared", "inside")], versions.Select(v => (v.GetProperty("change").GetString(), v.GetProperty("alert").GetProperty("id").GetString())));
        Assert.All(versions, v => Assert.Equal("replay", v.GetProperty("mode").GetString()));

        // The alerts come where the replay's clock passes their time: the raise after the tracks of 18:00:03.
        var raiseAt = Array.FindIndex(lines, l => l.GetProperty("event").GetString() == "alert");
        var tracksBefore = lines[..raiseAt].Last(l => l.GetProperty("event").GetString() == "tracks").GetProperty("data").GetProperty("time").GetDateTimeOffset();
        Assert.Equal(t0.AddSeconds(3), tracksBefore);
        Assert.Contains("and 2 alert versions", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A Remote ID drone (STORED-1) heard once a second for <paramref name="count"/> seconds from <paramref name="t0"/>.</summary>
    private static Vigia.Storage.JournalObservation[] StoredDrone(DateTimeOffset t0, int count) =>
        [.. Enumerable.Range(0, count).Select(k => new Vigia.Storage.JournalObservation(new Vigia.Core.Observations.Observation
        {
            Sensor = new Vigia.Core.Observations.SensorId("rid-1"),
            SensorTime = Vigia.Core.Time.Timestamp.FromDateTimeOffset(t0.AddSeconds(k)),
            ReceiveTime = Vigia.Core.Time.Timestamp.FromDateTimeOffset(t0.AddSeconds(k)),
            Measurement = new Vigia.Core.Observations.Measurement(Vigia.Core.Observations.MeasurementKind.GeodeticPosition, 19.07 + (k * 4e-5), -102.81, 400, Vigia.Core.Numerics.Matrix3x3.Diagonal(25, 25, 100)),
            UasId = "STORED-1",
            ClientId = $"s-{k}",
        }))];

    private static Vigia.Storage.Alerts.AlertEventRecord AlertVersion(string id, int version, DateTimeOffset time, string change, bool active)
    {
        var dto = new Vigia.Server.Json.AlertDto
        {
            Id = id,
            Version = version,
            Kind = "zone_threat",
            Level = "alarm",
            PeakLevel = "alarm",
            Reasons = ["INSIDE_ZONE"],
            HeadlineEs = "ALARMA",
            HeadlineEn = "ALARM",
            DescriptionEs = "",
            DescriptionEn = "",
            InstructionEs = "",
            InstructionEn = "",
            ZoneId = "el-bejuco",
            TrackIds = [1],
            ConditionSince = time,
            RaisedAt = time,
            UpdatedAt = time,
            ClearedAt = active ? null : time,
            ExpiresAt = time.AddSeconds(300),
            Exercise = false,
            Active = active,
        };
        return new Vigia.Storage.Alerts.AlertEventRecord(
            0, id, version, Vigia.Core.Time.Timestamp.FromDateTimeOffset(time), change, 3, false,
            JsonSerializer.Serialize(dto, Vigia.Server.Json.ServerJsonContext.Default.AlertDto));
    }

    [Theory]
    [InlineData("--speed", "-1")]
    [InlineData("--speed", "fast")]
    [InlineData("--origin", "91,0,0")]
    [InlineData("--to", "ftp://example")]
    public void Replay_BadOption_Exits2NamingIt(string option, string value)
    {
        List<string> args = ["replay", "--scenario", "bundled:radar-n5-s1", "--to", "http://127.0.0.1:9/", "--key", "vgk_x", "--origin", Origin];
        var at = args.IndexOf(option);
        if (at < 0)
        {
            args.AddRange([option, value]);
        }
        else
        {
            args[at + 1] = value;
        }

        var result = VigiaCli.Run([.. args]);

        VigiaCli.AssertExit(2, result);
        Assert.StartsWith($"vigia replay: {option}: ", result.Stderr, StringComparison.Ordinal);
    }

    private static int CountObservations(string scenario)
    {
        using var reader = ScenarioReader.Open(BundledScenarios.Resolve(scenario));
        return reader.ReadScans().Sum(s => s.Observations.Count);
    }

    private static async Task<long> AcceptedAsync(HttpClient http)
    {
        using var sensors = await GetJsonAsync(http, "api/v1/sensors");
        return sensors.RootElement.EnumerateArray().Sum(s => s.GetProperty("accepted").GetInt64());
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}\n{text}");
        return JsonDocument.Parse(text);
    }
}

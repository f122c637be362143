using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Vigia.Core.Geodesy;
using Vigia.Server.Ingest;
using Vigia.Server.Tests.Support;
using Vigia.Storage;
using Vigia.Testing;

namespace Vigia.Server.Tests.Ingest;

/// <summary>
/// The radar input against what goes wrong in the field: settings that cannot work (refused at start, each named),
/// a listen port in use (the server stays up, the listener reports why and is retried), recordings that share a
/// file name (journalled by content), and an unpaced replay beside a live radar (it never runs ahead of the clock).
/// </summary>
public sealed class RadarInputRobustnessTests
{
    private static readonly GeoPosition Site = new(43.5710263, 16.4060640, 780);

    /// <summary>The SICs configured for the shared capture (SOURCES.md: 204 and 205 heard but not configured).</summary>
    private static readonly byte[] Configured = [11, 12, 13, 14, 201];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Settings(byte[] sics, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < sics.Length; i++)
        {
            settings[$"Vigia:Radar:Sites:{i}:Sensor"] = $"radar-{sics[i]}";
            settings[$"Vigia:Radar:Sites:{i}:Sac"] = "25";
            settings[$"Vigia:Radar:Sites:{i}:Sic"] = sics[i].ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task AddRadarsAsync(VigiaServerFactory app, IEnumerable<byte> sics)
    {
        foreach (var sic in sics)
        {
            await app.AddSensorAsync($"radar-{sic}", "radar", Site);
        }
    }

    private static RadarSourceService Service(VigiaServerFactory app) => (RadarSourceService)app.Services.GetService(typeof(RadarSourceService))!;

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50, Ct);
        }

        Assert.Fail(what + " did not happen within 10 s");
    }

    private static async Task<JsonElement> SensorAsync(HttpClient viewer, string id) =>
        (await viewer.GetFromJsonAsync<JsonElement>("/api/v1/sensors", Ct)).EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);

    private static int FreeUdpPort()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }

    /// <summary>One CAT-048 block with one plot: I010 SAC 25 / <paramref name="sic"/>, I140 time of day, I020 single PSR, I040 at 10 NM, 90°.</summary>
    private static byte[] Plot(byte sic, DateTimeOffset time)
    {
        var tod = (int)Math.Round(time.UtcDateTime.TimeOfDay.TotalSeconds * 128);
        byte[] record = [0xF0, 25, sic, (byte)(tod >> 16), (byte)(tod >> 8), (byte)tod, 0x20, 10, 0, 0x40, 0x00];
        return [48, 0, (byte)(3 + record.Length), .. record];
    }

    [Fact]
    public void SettingsThatCannotWork_AreRefusedAtStart_EachNamed()
    {
        var settings = Settings([11, 11], ("Vigia:Radar:Listen", "[::]:21111"), ("Vigia:Radar:MulticastGroup", "10.1.1.11"));
        settings["Vigia:Radar:Sites:1:Sensor"] = "radar-11b";
        using var app = new VigiaServerFactory(settings: settings);

        var validation = Assert.Throws<OptionsValidationException>(() => app.Services.GetService(typeof(IOptions<Hosting.VigiaServerOptions>)) is IOptions<Hosting.VigiaServerOptions> o ? o.Value : null);

        var failures = string.Join("\n", validation.Failures);
        Assert.Contains("Vigia:Radar:Listen \"[::]:21111\" must be an IPv4 address:port", failures, StringComparison.Ordinal);
        Assert.Contains("Vigia:Radar:MulticastGroup \"10.1.1.11\" must be an IPv4 multicast address", failures, StringComparison.Ordinal);
        Assert.Contains("Vigia:Radar:Sites:1: SAC/SIC 25/11 is already configured as Vigia:Radar:Sites:0", failures, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListenPortInUse_LeavesTheServerUp_ReportsTheListenerDown_AndRetriesUntilItIsFree()
    {
        var port = FreeUdpPort();
        var squatter = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
        await using var app = new VigiaServerFactory(settings: Settings(
            [11],
            ("Vigia:Radar:Listen", $"127.0.0.1:{port}"),
            ("Vigia:Radar:ListenRetryInitialSeconds", "0.1"),
            ("Vigia:Radar:ListenRetryMaxSeconds", "0.2")));
        await AddRadarsAsync(app, [11]);
        using var viewer = app.ClientWith(await app.AddKeyAsync("v", ApiKeyRole.Viewer));
        JsonElement input = default;
        await UntilAsync(
            async () => (input = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/sensors/asterix", Ct)).TryGetProperty("error", out _),
            "the listener's failure reported");

        // The API answers; the listener is down with the reason; the radar is down (nothing heard).
        Assert.Equal(("running", "down"), (input.GetProperty("state").GetString(), input.GetProperty("listen_state").GetString()));
        Assert.Matches($"^cannot listen on 127\\.0\\.0\\.1:{port}: .*[Aa]ddress already in use.*; retrying in ", input.GetProperty("error").GetString());
        Assert.Equal("down", (await SensorAsync(viewer, "radar-11")).GetProperty("state").GetString());

        // Once the port is free the retry binds it and plots flow.
        squatter.Dispose();
        await UntilAsync(async () => (await viewer.GetFromJsonAsync<JsonElement>("/api/v1/sensors/asterix", Ct)).GetProperty("listen_state").GetString() == "up", "the listener's recovery");
        using var sender = new UdpClient();
        await sender.SendAsync(Plot(11, DateTimeOffset.UtcNow), new IPEndPoint(IPAddress.Loopback, port), Ct);
        await UntilAsync(async () => await app.Journal.CountObservationsAsync(Ct) == 1, "the plot's journalling");
        Assert.False((await viewer.GetFromJsonAsync<JsonElement>("/api/v1/sensors/asterix", Ct)).TryGetProperty("error", out _));
    }

    /// <summary>Plays <paramref name="pcap"/> unpaced in a server over <paramref name="data"/> until ended; returns the observations it handed on.</summary>
    private static async Task<long> PlayAsync(string data, string pcap, bool addSensors)
    {
        await using var app = new VigiaServerFactory(data, Settings(Configured, ("Vigia:Radar:Pcap", pcap), ("Vigia:Radar:Pace", "false")));
        if (addSensors)
        {
            await AddRadarsAsync(app, Configured);
        }
        else
        {
            _ = app.Services;
        }

        var service = Service(app);
        await UntilAsync(() => Task.FromResult(service.Player is { State: "ended" }), "the replay's end");

        // Every observation handed on is journalled or found a duplicate before the server stops.
        using var viewer = app.ClientWith(await app.AddKeyAsync(Guid.NewGuid().ToString("N"), ApiKeyRole.Viewer));
        await UntilAsync(
            async () =>
            {
                var sensors = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/sensors", Ct);
                return sensors.EnumerateArray().Sum(s => s.GetProperty("accepted").GetInt64() + s.GetProperty("duplicates").GetInt64()) == service.Player!.Observations;
            },
            "the pump's last batch");
        return service.Player!.Observations;
    }

    [Fact]
    public async Task NewRecordingUnderAUsedName_IsJournalled_AndTheSameRecordingTwiceOnce()
    {
        var data = TestPaths.NewTempDirectory();
        var files = TestPaths.NewTempDirectory();
        var radarPcap = Path.Combine(files, "radar.pcap");

        // Day 1: the shared capture as radar.pcap.
        File.Copy(TestPaths.SharedData("radar", "cat_034_048.pcap"), radarPcap);
        var day1 = await PlayAsync(data, radarPcap, addSensors: true);
        Assert.True(day1 > 0);

        // Day 2: a new recording written over radar.pcap (three plots of SIC 11, a minute apart).
        var recorded = new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);
        UdpCaptureFile.Write(radarPcap, 21111, Enumerable.Range(0, 3).Select(k => (recorded.AddMinutes(k), Plot(11, recorded.AddMinutes(k)))));
        Assert.Equal(3, await PlayAsync(data, radarPcap, addSensors: false));
        await using (var journal = new VigiaServerFactory(data))
        {
            Assert.Equal(day1 + 3, await journal.Journal.CountObservationsAsync(Ct));
        }

        // The day-2 recording again, copied under another name: nothing new.
        var copy = Path.Combine(TestPaths.NewTempDirectory(), "copy-of-day2.pcap");
        File.Copy(radarPcap, copy);
        Assert.Equal(3, await PlayAsync(data, copy, addSensors: false));
        await using (var journal = new VigiaServerFactory(data))
        {
            Assert.Equal(day1 + 3, await journal.Journal.CountObservationsAsync(Ct));
        }
    }

    [Fact]
    public async Task UnpacedReplayBesideALiveRadar_EndsAtNow_AndLeavesTheLiveRadarOnTime()
    {
        // A recording ten minutes long, played as fast as possible, next to a live radar on UDP.
        var recorded = new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);
        var pcap = Path.Combine(TestPaths.NewTempDirectory(), "long.pcap");
        UdpCaptureFile.Write(pcap, 21111, Enumerable.Range(0, 3).Select(k => (recorded.AddMinutes(5 * k), Plot(11, recorded.AddMinutes(5 * k)))));
        var port = FreeUdpPort();
        await using var app = new VigiaServerFactory(settings: Settings(
            [11, 12],
            ("Vigia:Radar:Pcap", pcap),
            ("Vigia:Radar:Pace", "false"),
            ("Vigia:Radar:Listen", $"127.0.0.1:{port}")));
        await AddRadarsAsync(app, [11, 12]);
        var service = Service(app);
        await UntilAsync(async () => service.Player is { State: "ended" } && service.Receiver is not null && await app.Journal.CountObservationsAsync(Ct) == 3, "the replay");

        var times = new List<DateTimeOffset>();
        await foreach (var o in app.Journal.ReadObservationsAsync(new ObservationQuery { BySequence = true }, Ct))
        {
            times.Add(o.Observation.SensorTime.ToDateTimeOffset());
        }

        // The last plot is "now" and the others keep their distance before it: nothing lies in the future.
        Assert.InRange(times[^1], DateTimeOffset.UtcNow.AddSeconds(-30), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(TimeSpan.FromMinutes(10), times[^1] - times[0]);

        // The tracker's time has not been pushed past the wall clock, so the live radar's plot, stamped now, is
        // tracked on time (not late).
        using var viewer = app.ClientWith(await app.AddKeyAsync("v", ApiKeyRole.Viewer));
        DateTimeOffset? pictureTime = null;
        await UntilAsync(async () => (pictureTime = await PictureTimeAsync(viewer)) is not null, "the replay's tracking");
        Assert.True(pictureTime <= DateTimeOffset.UtcNow.AddSeconds(1), $"the picture is at {pictureTime:O}, ahead of the clock");
        using var sender = new UdpClient();
        var now = DateTimeOffset.UtcNow;
        await sender.SendAsync(Plot(12, now), new IPEndPoint(IPAddress.Loopback, port), Ct);
        JsonElement live = default;
        await UntilAsync(
            async () => (live = await SensorAsync(viewer, "radar-12")).GetProperty("accepted").GetInt64() == 1 && await PictureTimeAsync(viewer) >= now.AddMilliseconds(-10),
            "the live plot's tracking");
        Assert.Equal(0, live.GetProperty("late").GetInt64());
    }

    private static async Task<DateTimeOffset?> PictureTimeAsync(HttpClient viewer) =>
        (await viewer.GetFromJsonAsync<JsonElement>("/api/v1/tracks", Ct)).TryGetProperty("time", out var time) && time.ValueKind == JsonValueKind.String
            ? time.GetDateTimeOffset()
            : null;
}

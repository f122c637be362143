using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Sensors.Capture;
using Vigia.Sensors.Radar;
using Vigia.Server.Ingest;
using Vigia.Server.Tests.Support;
using Vigia.Storage;
using Vigia.Testing;

namespace Vigia.Server.Tests.Ingest;

/// <summary>
/// <c>Vigia:Radar:Pcap</c>: the shared ASTERIX capture played into the server as if live, and the per-SAC/SIC counters
/// the sensor API shows for it (configured radars on their sensors, unconfigured sources in <c>/api/v1/sensors/asterix</c>).
/// </summary>
public sealed class RadarCaptureTests
{
    /// <summary>The SICs configured here: five of the capture's seven radars (SOURCES.md), so 204 and 205 are heard but unconfigured.</summary>
    private static readonly byte[] Configured = [11, 12, 13, 14, 201];

    private static readonly GeoPosition Site = new(43.5710263, 16.4060640, 780);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Settings(string pcap, string? listen = null)
    {
        var settings = new Dictionary<string, string?> { ["Vigia:Radar:Pcap"] = pcap, ["Vigia:Radar:Pace"] = "false" };
        if (listen is not null)
        {
            settings["Vigia:Radar:Listen"] = listen;
        }

        for (var i = 0; i < Configured.Length; i++)
        {
            settings[$"Vigia:Radar:Sites:{i}:Sensor"] = $"radar-{Configured[i]}";
            settings[$"Vigia:Radar:Sites:{i}:Sac"] = "25";
            settings[$"Vigia:Radar:Sites:{i}:Sic"] = Configured[i].ToString(CultureInfo.InvariantCulture);
        }

        return settings;
    }

    private static async Task<RadarSourceService> StartedAsync(VigiaServerFactory app, Func<RadarSourceService, bool> done)
    {
        foreach (var sic in Configured)
        {
            await app.AddSensorAsync($"radar-{sic}", "radar", Site);
        }

        var service = (RadarSourceService)app.Services.GetService(typeof(RadarSourceService))!;
        for (var i = 0; i < 200 && !done(service); i++)
        {
            await Task.Delay(50, Ct);
        }

        Assert.True(done(service), "the radar input did not get there in 10 s");
        return service;
    }

    /// <summary>What the same adapter settings make of the capture in-process, with its capture times.</summary>
    private static List<Observation> Reference(string file)
    {
        var adapter = new RadarAdapter(new RadarAdapterOptions
        {
            PictureFrame = new LocalTangentPlane(Site),
            Radars = [.. Configured.Select(sic => new RadarSiteOptions { SensorId = $"radar-{sic}", Sac = 25, Sic = sic, Position = Site })],
        });
        using var stream = File.OpenRead(file);
        using var reader = CaptureReader.TryOpen(stream, leaveOpen: false, out var error) ?? throw new InvalidOperationException(error.Message);
        var output = new List<Observation>();
        var summary = AsterixPcapReplay.Replay(reader, adapter, output);
        Assert.Null(summary.FileError);
        return output;
    }

    [Fact]
    public async Task SharedCapture_IsPlayedIntoTheJournal_ShiftedToNow_WithItsIntervalsAndPositions()
    {
        var file = TestPaths.SharedData("radar", "cat_034_048.pcap");
        var expected = Reference(file);
        await using var app = new VigiaServerFactory(settings: Settings(file));
        var started = DateTimeOffset.UtcNow;
        var service = await StartedAsync(app, s => s.Player is { State: "ended" });
        long journalled = 0;
        for (var i = 0; i < 100 && journalled < expected.Count; i++)
        {
            journalled = await app.Journal.CountObservationsAsync(Ct);
            await Task.Delay(50, Ct);
        }

        // Every plot of a configured radar, each once though the capture carries every record twice.
        Assert.Equal((expected.Count, expected.Count), (journalled, service.Player!.Observations));
        Assert.Equal((100, 0), (service.Player.Packets, service.Player.Skipped));
        var stored = new List<StoredObservation>();
        await foreach (var o in app.Journal.ReadObservationsAsync(new ObservationQuery { BySequence = true }, Ct))
        {
            stored.Add(o);
        }

        // One shift for the whole file: the first plot is "now", the others keep their distance from it; the
        // measurements are the capture's, and client ids name the recording (by content) and packet (a second play
        // is a duplicate).
        var shift = stored[0].Observation.SensorTime.SecondsSince(expected[0].SensorTime);
        Assert.InRange(stored[0].Observation.SensorTime.ToDateTimeOffset(), started.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        for (var i = 0; i < expected.Count; i++)
        {
            var (got, want) = (stored[i].Observation, expected[i]);
            Assert.Equal(want.Sensor, got.Sensor);
            Assert.Equal(shift, got.SensorTime.SecondsSince(want.SensorTime), 6);
            Assert.Equal(want.Measurement.V0, got.Measurement.V0, 9);
            Assert.Equal(want.Measurement.V1, got.Measurement.V1, 12);
            Assert.Equal(want.Measurement.V2, got.Measurement.V2, 12);
            Assert.Matches($"^pcap:{service.Player.RecordingId}:[0-9]+:[0-9]+$", got.ClientId);
        }
    }

    [Fact]
    public async Task SensorsApi_ShowsEachRadarsCounters_AndTheUnconfiguredSourcesHeard()
    {
        var file = TestPaths.SharedData("radar", "cat_034_048.pcap");
        var expected = Reference(file);
        await using var app = new VigiaServerFactory(settings: Settings(file));
        await StartedAsync(app, s => s.Player is { State: "ended" });
        using var viewer = app.ClientWith(await app.AddKeyAsync("v", ApiKeyRole.Viewer));

        var sensors = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/sensors", Ct);
        var radar = sensors.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "radar-201");
        var source = Assert.Single(radar.GetProperty("asterix").EnumerateArray());
        Assert.Equal((25, 201, "radar", "radar-201"), (source.GetProperty("sac").GetInt32(), source.GetProperty("sic").GetInt32(), source.GetProperty("role").GetString(), source.GetProperty("sensor").GetString()));
        var plots = source.GetProperty("plots").GetInt64();
        Assert.True(plots > 0);
        var records = source.GetProperty("records").GetInt64();
        Assert.Equal(records, 2 * (plots + source.GetProperty("service_messages").GetInt64()));
        Assert.Equal(records / 2, source.GetProperty("duplicates").GetInt64());
        Assert.Equal(expected.Count(o => o.Sensor.Value == "radar-201"), source.GetProperty("observations").GetInt64());
        Assert.Matches(@"^07:3[56]:\d\d\.\d{3}$", source.GetProperty("last_time_of_day").GetString());
        Assert.InRange(source.GetProperty("last_record_age_s").GetDouble(), 0, 60);

        // The other sensors keep the fields they had, and gain none of these.
        Assert.Equal("radar", radar.GetProperty("kind").GetString());
        Assert.True(radar.TryGetProperty("accepted", out _));

        // 204 and 205 are heard, counted and refused as unknown sources, never silently dropped.
        var input = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/sensors/asterix", Ct);
        Assert.Equal("running", input.GetProperty("state").GetString());
        Assert.Equal(("ended", 100), (input.GetProperty("capture").GetProperty("state").GetString(), input.GetProperty("capture").GetProperty("packets").GetInt32()));
        var unconfigured = input.GetProperty("sources").EnumerateArray().Where(s => s.GetProperty("role").GetString() == "unconfigured").ToList();
        Assert.Equal([204, 205], unconfigured.Select(s => s.GetProperty("sic").GetInt32()));
        Assert.All(unconfigured, s =>
        {
            Assert.False(s.TryGetProperty("sensor", out _));
            Assert.True(s.GetProperty("plots").GetInt64() > 0);
            Assert.Equal(s.GetProperty("plots").GetInt64(), s.GetProperty("rejected").GetProperty("unknown_source").GetInt64());
        });
        Assert.Equal(64 + 17, input.GetProperty("sources").EnumerateArray().Sum(s => s.GetProperty("duplicates").GetInt64()));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("garbage")]
    [InlineData("truncated")]
    public async Task BadCaptureFile_IsReportedClearly_AndTheUdpListenerKeepsWorking(string kind)
    {
        var directory = TestPaths.NewTempDirectory();
        var file = Path.Combine(directory, kind + ".pcap");
        switch (kind)
        {
            case "garbage":
                await File.WriteAllBytesAsync(file, [.. Enumerable.Range(0, 300).Select(i => (byte)(i * 37))], Ct);
                break;
            case "truncated":
                var whole = await File.ReadAllBytesAsync(TestPaths.SharedData("radar", "cat_034_048.pcap"), Ct);
                await File.WriteAllBytesAsync(file, whole[..(whole.Length / 2)], Ct);
                break;
        }

        int port;
        using (var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            port = ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
        }

        await using var app = new VigiaServerFactory(settings: Settings(file, $"127.0.0.1:{port}"));
        var service = await StartedAsync(app, s => s.Player is { State: "failed" } && s.Receiver is not null);
        var error = service.Player!.Error!;
        Assert.StartsWith(file + ": ", error, StringComparison.Ordinal);
        if (kind == "truncated")
        {
            // Played up to the cut: what came before it is kept.
            Assert.Matches("byte [0-9]+: ", error);
            Assert.True(service.Player.Observations > 0);
        }

        // The live input is untouched: a plot over UDP is journalled (after what the capture gave before it failed).
        var before = await app.Journal.CountObservationsAsync(Ct);
        for (var i = 0; i < 100 && before < service.Player.Observations; i++)
        {
            await Task.Delay(50, Ct);
            before = await app.Journal.CountObservationsAsync(Ct);
        }

        Assert.Equal(service.Player.Observations, before);
        using var sender = new UdpClient();
        await sender.SendAsync(Plot(DateTimeOffset.UtcNow), new IPEndPoint(IPAddress.Loopback, port), Ct);
        for (var i = 0; i < 100 && await app.Journal.CountObservationsAsync(Ct) == before; i++)
        {
            await Task.Delay(50, Ct);
        }

        Assert.Equal(before + 1, await app.Journal.CountObservationsAsync(Ct));
        using var viewer = app.ClientWith(await app.AddKeyAsync("v", ApiKeyRole.Viewer));
        var capture = (await viewer.GetFromJsonAsync<JsonElement>("/api/v1/sensors/asterix", Ct)).GetProperty("capture");
        Assert.Equal(("failed", error), (capture.GetProperty("state").GetString(), capture.GetProperty("error").GetString()));
    }

    /// <summary>One CAT-048 block with one plot of SAC 25 / SIC 11: I010, I140 time of day, I020 single PSR, I040 at 10 NM, 90°.</summary>
    private static byte[] Plot(DateTimeOffset time)
    {
        var tod = (int)Math.Round(time.UtcDateTime.TimeOfDay.TotalSeconds * 128);
        byte[] record = [0xF0, 25, 11, (byte)(tod >> 16), (byte)(tod >> 8), (byte)tod, 0x20, 10, 0, 0x40, 0x00];
        return [48, 0, (byte)(3 + record.Length), .. record];
    }
}

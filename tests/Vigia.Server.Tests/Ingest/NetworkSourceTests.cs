using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Vigia.Server.Tests.Support;
using Vigia.Storage;
using Vigia.Testing;

namespace Vigia.Server.Tests.Ingest;

/// <summary>The server's in-process network sources: an ADS-B receiver over TCP and SAPIENT nodes, on loopback.</summary>
public sealed class NetworkSourceTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task<List<JsonElement>> WaitForTracksAsync(HttpClient client, Func<JsonElement, bool> match)
    {
        var deadline = DateTime.UtcNow + Within;
        List<JsonElement> found = [];
        while (DateTime.UtcNow < deadline && found.Count == 0)
        {
            await Task.Delay(200, Ct);
            var picture = await client.GetFromJsonAsync<JsonElement>("/api/v1/tracks", Ct);
            found = [.. picture.GetProperty("tracks").EnumerateArray().Where(match)];
        }

        return found;
    }

    [Fact]
    public async Task AnAdsbReceiver_FeedsMannedAircraftTracks()
    {
        // A fake dump1090 serving the shared Beast capture to whoever connects, then one DF17 frame with its last bit
        // flipped (a CRC error: riddle's 8D4840D6202CC371C32CE0576098).
        byte[] badCrc = [0x1a, 0x33, 0, 0, 0, 0, 0, 1, 0x40, .. Convert.FromHexString("8D4840D6202CC371C32CE0576099")];
        var beast = (byte[])[.. await File.ReadAllBytesAsync(TestPaths.SharedData("adsb", "reference", "modes1_2400k.dump1090-mutability.beast.bin"), Ct), .. badCrc];
        using var receiver = new TcpListener(IPAddress.Loopback, 0);
        receiver.Start();
        var serving = Task.Run(async () =>
        {
            using var client = await receiver.AcceptTcpClientAsync(Ct);
            await client.GetStream().WriteAsync(beast, Ct);
            await Task.Delay(Timeout.Infinite, Ct);
        }, Ct);

        await using var app = new VigiaServerFactory(settings: new Dictionary<string, string?>
        {
            ["Vigia:AdsbSources:0:Sensor"] = "adsb-1",
            ["Vigia:AdsbSources:0:Port"] = ((IPEndPoint)receiver.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await app.AddSensorAsync("adsb-1", "adsb");
        using var viewer = app.ClientWith(await app.AddKeyAsync("v", ApiKeyRole.Viewer));

        var aircraft = await WaitForTracksAsync(viewer, t => t.TryGetProperty("object_class", out var c) && c.GetString() == "manned_aircraft");
        Assert.NotEmpty(aircraft);
        Assert.All(aircraft, t => Assert.Equal(("adsb", "adsb-1"), (t.GetProperty("class_source").GetString(), t.GetProperty("sensors")[0].GetString())));
        Assert.True(await app.Journal.CountObservationsAsync(Ct) > 0);

        // The receiver's health in the sensor list: connected, frames decoded, the bad-CRC frame counted.
        JsonElement adsb = default;
        for (var i = 0; i < 50 && (adsb.ValueKind != JsonValueKind.Object || adsb.GetProperty("crc_errors").GetInt64() == 0); i++)
        {
            var sensors = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/sensors", Ct);
            adsb = Assert.Single(sensors.EnumerateArray()).GetProperty("adsb");
            await Task.Delay(100, Ct);
        }

        Assert.Equal(("up", 1L), (adsb.GetProperty("connection").GetString(), adsb.GetProperty("connects").GetInt64()));
        Assert.True(adsb.GetProperty("decoded").GetInt64() > 0 && adsb.GetProperty("observations").GetInt64() > 0);
        Assert.Equal(1, adsb.GetProperty("crc_errors").GetInt64()); // dump1090 forwards only frames that pass: the capture has none
    }

    [Fact]
    public async Task ASapientNode_RegistersAsASensor_AndItsDetectionsBecomeClassifiedTracks()
    {
        var port = FreePort();
        await using var app = new VigiaServerFactory(settings: new Dictionary<string, string?> { ["Vigia:Sapient:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var viewer = app.ClientWith(await app.AddKeyAsync("v", ApiKeyRole.Viewer));
        _ = app.Server; // start the host

        using var node = await SapientNode.ConnectAsync(port, Ct);
        var registration = await node.RegisterAsync(Ct);

        var detection = SapientNode.Golden("04_detection_report_uav.frame.bin");
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-4);
        for (var k = 0; k < 5; k++)
        {
            detection.Timestamp = Timestamp.FromDateTimeOffset(t0.AddSeconds(k));
            detection.DetectionReport.ReportId = $"01KF1EQV217TRMCT2JAYYXCG{k}V";
            await node.SendAsync(detection, Ct);
        }

        var tracks = await WaitForTracksAsync(viewer, t => t.TryGetProperty("object_class", out var c) && c.GetString() == "uav_rotary_wing");
        var track = Assert.Single(tracks);
        Assert.Equal("sapient", track.GetProperty("class_source").GetString());

        var sensors = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/sensors", Ct);
        var sensor = Assert.Single(sensors.EnumerateArray().ToList());
        Assert.Equal(("sapient:" + registration.NodeId, "sapient"), (sensor.GetProperty("id").GetString(), sensor.GetProperty("kind").GetString()));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Vigia.Core.Geodesy;
using Vigia.Server.Tests.Support;
using Vigia.Storage;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace Vigia.Server.Tests.Ingest;

/// <summary>
/// Issue 8's end-to-end check: a radar's ASTERIX CAT-048 plots (over loopback UDP, or from a recording played with
/// <c>Vigia:Radar:Pcap</c>) and a SAPIENT node's detections of the same drone over loopback TCP feed one track
/// picture — one fused track, classified.
/// </summary>
public sealed class FusionEndToEndTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int FreePort(SocketType type)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, type, type == SocketType.Dgram ? ProtocolType.Udp : ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary>One CAT-048 block with one plot: I010 SAC/SIC, I140 time of day, I020 single PSR detection, I040 polar position.</summary>
    private static byte[] Cat048Plot(byte sac, byte sic, DateTimeOffset time, double rangeMeters, double azimuthDegrees)
    {
        var tod = (int)Math.Round(time.UtcDateTime.TimeOfDay.TotalSeconds * 128);
        var rho = (int)Math.Round(rangeMeters / 1852.0 * 256);
        var theta = (int)Math.Round(azimuthDegrees / 360.0 * 65536) & 0xFFFF;
        byte[] record = [0xF0, sac, sic, (byte)(tod >> 16), (byte)(tod >> 8), (byte)tod, 0x20, (byte)(rho >> 8), (byte)rho, (byte)(theta >> 8), (byte)theta];
        return [48, 0, (byte)(3 + record.Length), .. record];
    }

    [Fact]
    public async Task RadarPcapReplayedOverUdp_AndASapientNode_FeedOneFusedClassifiedTrack()
    {
        var udpPort = FreePort(SocketType.Dgram);
        var tcpPort = FreePort(SocketType.Stream);
        await using var app = new VigiaServerFactory(settings: new Dictionary<string, string?>
        {
            ["Vigia:Radar:Listen"] = $"127.0.0.1:{udpPort}",
            ["Vigia:Radar:Sites:0:Sensor"] = "radar-1",
            ["Vigia:Radar:Sites:0:Sac"] = "25",
            ["Vigia:Radar:Sites:0:Sic"] = "201",
            ["Vigia:Sapient:Port"] = tcpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await app.AddSensorAsync("radar-1", "radar", VigiaServerFactory.RadarPosition);
        using var viewer = app.ClientWith(await app.AddKeyAsync("v", ApiKeyRole.Viewer));
        var radarService = (Vigia.Server.Ingest.RadarSourceService)app.Services.GetService(typeof(Vigia.Server.Ingest.RadarSourceService))!;
        for (var i = 0; i < 100 && radarService.Receiver is null; i++)
        {
            await Task.Delay(100, Ct);
        }

        using var node = await SapientNode.ConnectAsync(tcpPort, Ct);
        var registration = await node.RegisterAsync(Ct);

        // The drone: 3 km from the radar at azimuth 45°, hovering at the radar's height.
        const double Range = 3000, Azimuth = 45;
        var detection = DroneDetection(Range, Azimuth);

        // The radar's feed, recorded as a pcap (Ethernet/IPv4/UDP) and replayed over loopback UDP, payload by payload.
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-6);
        var pcap = Path.Combine(Vigia.Testing.TestPaths.NewTempDirectory(), "radar-1.pcap");
        UdpCaptureFile.Write(pcap, 21111, Enumerable.Range(0, 6).Select(k => (t0.AddSeconds(k).AddMilliseconds(150), Cat048Plot(25, 201, t0.AddSeconds(k), Range, Azimuth))));
        var recorded = RecordedPayloads(pcap);
        Assert.Equal(6, recorded.Count);
        using var radar = new UdpClient();
        for (var k = 0; k < 6; k++)
        {
            var t = t0.AddSeconds(k);
            await radar.SendAsync(recorded[k], new IPEndPoint(IPAddress.Loopback, udpPort), Ct);
            detection.Timestamp = Timestamp.FromDateTimeOffset(t.AddMilliseconds(300));
            detection.DetectionReport.ReportId = $"01KF1EQV217TRMCT2JAYYXCG{k}V";
            await node.SendAsync(detection, Ct);
            await Task.Delay(50, Ct);
        }

        List<JsonElement> tracks = [];
        for (var i = 0; i < 100; i++)
        {
            await Task.Delay(200, Ct);
            var picture = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/tracks", Ct);
            tracks = [.. picture.GetProperty("tracks").EnumerateArray()];
            if (tracks.Any(t => t.GetProperty("sensors").GetArrayLength() == 2))
            {
                break;
            }
        }

        var fused = Assert.Single(tracks);
        Assert.Equal(["radar-1", "sapient:" + registration.NodeId], fused.GetProperty("sensors").EnumerateArray().Select(s => s.GetString()!).Order());
        Assert.Equal(("uav_rotary_wing", "sapient"), (fused.GetProperty("object_class").GetString(), fused.GetProperty("class_source").GetString()));
        Assert.Equal(detection.DetectionReport.Location.Y, fused.GetProperty("position").GetProperty("lat").GetDouble(), 3);
    }

    private static List<byte[]> RecordedPayloads(string pcap)
    {
        using var stream = File.OpenRead(pcap);
        using var reader = Vigia.Sensors.Capture.CaptureReader.TryOpen(stream, leaveOpen: false, out var error) ?? throw new InvalidOperationException(error.Message);
        var payloads = new List<byte[]>();
        while (reader.ReadNext(out var record) == Vigia.Sensors.Capture.CaptureReadStatus.Record)
        {
            Assert.True(Vigia.Sensors.Radar.UdpFrame.TryGetPayload(record.Data, record.LinkType, out var payload, out _));
            payloads.Add(payload.ToArray());
        }

        return payloads;
    }

    [Fact]
    public async Task RadarRecordingPlayedAsLive_AndASapientNode_FeedOneFusedClassifiedTrack()
    {
        // A recording made on another day: six plots of the drone, one a second, to a multicast group.
        const double Range = 2500, Azimuth = 120;
        var recorded = new DateTimeOffset(2025, 3, 14, 23, 59, 57, TimeSpan.Zero);
        var pcap = Path.Combine(Vigia.Testing.TestPaths.NewTempDirectory(), "radar-1.pcap");
        UdpCaptureFile.Write(pcap, 21111, Enumerable.Range(0, 6).Select(k => (recorded.AddSeconds(k), Cat048Plot(25, 201, recorded.AddSeconds(k).AddMilliseconds(-200), Range, Azimuth))));
        var tcpPort = FreePort(SocketType.Stream);
        await using var app = new VigiaServerFactory(settings: new Dictionary<string, string?>
        {
            ["Vigia:Radar:Pcap"] = pcap,
            ["Vigia:Radar:PcapPorts:0"] = "21111",
            ["Vigia:Radar:Sites:0:Sensor"] = "radar-1",
            ["Vigia:Radar:Sites:0:Sac"] = "25",
            ["Vigia:Radar:Sites:0:Sic"] = "201",
            ["Vigia:Sapient:Port"] = tcpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var viewer = app.ClientWith(await app.AddKeyAsync("v", ApiKeyRole.Viewer));
        using var node = await SapientNode.ConnectAsync(tcpPort, Ct);
        var registration = await node.RegisterAsync(Ct);
        await app.AddSensorAsync("radar-1", "radar", VigiaServerFactory.RadarPosition);
        var radarService = (Vigia.Server.Ingest.RadarSourceService)app.Services.GetService(typeof(Vigia.Server.Ingest.RadarSourceService))!;
        for (var i = 0; i < 100 && radarService.Player is not { State: "playing" or "ended" }; i++)
        {
            await Task.Delay(50, Ct);
        }

        // While the recording plays at its own pace (its midnight crossing included), the node reports the drone live.
        var detection = DroneDetection(Range, Azimuth);
        for (var k = 0; k < 6; k++)
        {
            detection.Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
            detection.DetectionReport.ReportId = $"01KF1EQV217TRMCT2JAYYXCG{k}V";
            await node.SendAsync(detection, Ct);
            await Task.Delay(1000, Ct);
        }

        List<JsonElement> tracks = [];
        for (var i = 0; i < 50; i++)
        {
            var picture = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/tracks", Ct);
            tracks = [.. picture.GetProperty("tracks").EnumerateArray()];
            if (tracks.Any(t => t.GetProperty("sensors").GetArrayLength() == 2))
            {
                break;
            }

            await Task.Delay(200, Ct);
        }

        Assert.Equal(("ended", 6L, 6L), (radarService.Player!.State, radarService.Player.Packets, radarService.Player.Observations));
        var fused = Assert.Single(tracks);
        Assert.Equal(["radar-1", "sapient:" + registration.NodeId], fused.GetProperty("sensors").EnumerateArray().Select(s => s.GetString()!).Order());
        Assert.Equal(("uav_rotary_wing", "sapient"), (fused.GetProperty("object_class").GetString(), fused.GetProperty("class_source").GetString()));
        Assert.Equal(detection.DetectionReport.Location.Y, fused.GetProperty("position").GetProperty("lat").GetDouble(), 3);
    }

    /// <summary>The golden UAV detection report, moved to <paramref name="range"/> m at <paramref name="azimuthDegrees"/> from the test radar, at its height, without a velocity.</summary>
    private static SapientMsg.BsiFlex335V20.SapientMessage DroneDetection(double range, double azimuthDegrees)
    {
        var target = new LocalTangentPlane(VigiaServerFactory.RadarPosition)
            .ToGeodetic(new EnuVector(range * Math.Sin(azimuthDegrees * Math.PI / 180), range * Math.Cos(azimuthDegrees * Math.PI / 180), 0));
        var detection = SapientNode.Golden("04_detection_report_uav.frame.bin");
        detection.DetectionReport.Location.X = target.LongitudeDegrees;
        detection.DetectionReport.Location.Y = target.LatitudeDegrees;
        detection.DetectionReport.Location.Z = target.HeightAboveEllipsoidMeters;
        detection.DetectionReport.EnuVelocity = null;
        return detection;
    }
}

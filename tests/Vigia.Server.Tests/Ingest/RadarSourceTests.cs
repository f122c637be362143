using System.Net;
using System.Net.Sockets;
using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Sensors.Capture;
using Vigia.Sensors.Radar;
using Vigia.Server.Tests.Support;
using Vigia.Testing;

namespace Vigia.Server.Tests.Ingest;

/// <summary>The shared ASTERIX capture replayed over loopback UDP into the server's radar input.</summary>
public sealed class RadarSourceTests
{
    private static readonly byte[] Sics = [11, 12, 13, 14, 201, 204, 205];

    private static readonly GeoPosition Site = new(43.5710263, 16.4060640, 780);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<byte[]> Payloads(string file = "cat_034_048.pcap")
    {
        using var stream = File.OpenRead(TestPaths.SharedData("radar", file));
        using var reader = CaptureReader.TryOpen(stream, leaveOpen: false, out var error) ?? throw new InvalidOperationException(error.Message);
        var payloads = new List<byte[]>();
        while (reader.ReadNext(out var record) == CaptureReadStatus.Record)
        {
            if (UdpFrame.TryGetPayload(record.Data, record.LinkType, out var payload, out _))
            {
                payloads.Add(payload.ToArray());
            }
        }

        return payloads;
    }

    [Fact]
    public async Task EveryRecordOfTheRedundantCapture_IsJournalledOnce()
    {
        int port;
        using (var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            port = ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
        }

        var settings = new Dictionary<string, string?> { ["Vigia:Radar:Listen"] = $"127.0.0.1:{port}" };
        for (var i = 0; i < Sics.Length; i++)
        {
            settings[$"Vigia:Radar:Sites:{i}:Sensor"] = $"radar-{Sics[i]}";
            settings[$"Vigia:Radar:Sites:{i}:Sac"] = "25";
            settings[$"Vigia:Radar:Sites:{i}:Sic"] = Sics[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var app = new VigiaServerFactory(settings: settings);
        foreach (var sic in Sics)
        {
            await app.AddSensorAsync($"radar-{sic}", "radar", Site);
        }

        var service = (Vigia.Server.Ingest.RadarSourceService)app.Services.GetService(typeof(Vigia.Server.Ingest.RadarSourceService))!;
        for (var i = 0; i < 100 && service.Receiver is null; i++)
        {
            await Task.Delay(100, Ct);
        }

        Assert.NotNull(service.Receiver);

        // What the same adapter settings make of the capture in-process: the number the server must journal.
        var reference = new RadarAdapter(new RadarAdapterOptions
        {
            PictureFrame = new LocalTangentPlane(Site),
            Radars = [.. Sics.Select(sic => new RadarSiteOptions { SensorId = $"radar-{sic}", Sac = 25, Sic = sic, Position = Site })],
        });
        var expected = new List<Observation>();
        using var sender = new UdpClient();
        foreach (var payload in Payloads())
        {
            reference.Process(payload, Vigia.Core.Time.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), expected);
            await sender.SendAsync(payload, new IPEndPoint(IPAddress.Loopback, port), Ct);
            await Task.Delay(2, Ct);
        }

        Assert.NotEmpty(expected);
        long journalled = 0;
        for (var i = 0; i < 100 && journalled < expected.Count; i++)
        {
            await Task.Delay(100, Ct);
            journalled = await app.Journal.CountObservationsAsync(Ct);
        }

        Assert.Equal(expected.Count, journalled);
        Assert.Equal(64 + 17, service.Adapter!.Counters.Values.Sum(c => c.Duplicates));
    }

    [Fact]
    public async Task SystemTracks_OfAConfiguredSource_AreJournalledAsPositions()
    {
        int port;
        using (var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            port = ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
        }

        await using var app = new VigiaServerFactory(settings: new Dictionary<string, string?>
        {
            ["Vigia:Radar:Listen"] = $"127.0.0.1:{port}",
            ["Vigia:Radar:TrackSources:0:Sensor"] = "sdps-100",
            ["Vigia:Radar:TrackSources:0:Sac"] = "25",
            ["Vigia:Radar:TrackSources:0:Sic"] = "100",
        });
        await app.AddSensorAsync("sdps-100", "radar", Site);
        var service = (Vigia.Server.Ingest.RadarSourceService)app.Services.GetService(typeof(Vigia.Server.Ingest.RadarSourceService))!;
        for (var i = 0; i < 100 && service.Receiver is null; i++)
        {
            await Task.Delay(100, Ct);
        }

        using var sender = new UdpClient();
        foreach (var payload in Payloads("cat_062_065.pcap"))
        {
            await sender.SendAsync(payload, new IPEndPoint(IPAddress.Loopback, port), Ct);
        }

        long journalled = 0;
        for (var i = 0; i < 100 && journalled < 2; i++)
        {
            await Task.Delay(100, Ct);
            journalled = await app.Journal.CountObservationsAsync(Ct);
        }

        // The capture holds two CAT-062 system tracks (and one CAT-065 status message).
        Assert.Equal(2, journalled);
        var stored = new List<Vigia.Storage.StoredObservation>();
        await foreach (var o in app.Journal.ReadObservationsAsync(new Vigia.Storage.ObservationQuery { BySequence = true }, Ct))
        {
            stored.Add(o);
        }

        Assert.All(stored, o => Assert.Equal((MeasurementKind.GeodeticPosition, "sdps-100"), (o.Observation.Measurement.Kind, o.Observation.Sensor.Value)));
    }
}

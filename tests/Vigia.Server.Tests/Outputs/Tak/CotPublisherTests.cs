using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Vigia.Alerting.Alerts;
using Vigia.Core.Geodesy;
using Vigia.Core.Tracks;
using Vigia.Server.Outputs.Tak;
using Vigia.Server.Threats;

namespace Vigia.Server.Tests.Outputs.Tak;

/// <summary>Tracks and alerts through the publisher, read back from a loopback UDP socket.</summary>
public sealed class CotPublisherTests
{
    [Fact]
    public async Task Tracks_OncePerInterval_WithTheirOperator_TentativeLeftOut()
    {
        using var receiver = TakTestHost.LoopbackReceiver();
        await using var host = Host(receiver, exercise: false);
        var pilot = new GeoPosition(19.081, -102.812, 1590);

        host.Publisher.PublishTracks(TakSamples.T0, [TakSamples.Snapshot(1, TakSamples.T0, "UAS-1", pilot), TakSamples.Snapshot(2, TakSamples.T0, status: TrackStatus.Tentative)], TakSamples.Frame);
        host.Publisher.PublishTracks(TakSamples.T0.AddSeconds(0.5), [TakSamples.Snapshot(1, TakSamples.T0.AddSeconds(0.5), "UAS-1", pilot)], TakSamples.Frame);
        host.Publisher.PublishTracks(TakSamples.T0.AddSeconds(1.0), [TakSamples.Snapshot(1, TakSamples.T0.AddSeconds(1.0), "UAS-1", pilot)], TakSamples.Frame);

        var events = new List<XElement>();
        for (var i = 0; i < 4; i++)
        {
            events.Add(TakTestHost.ParseDatagram(await TakTestHost.ReceiveAsync(receiver)));
        }

        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Equal(0, receiver.Available);
        Assert.Equal(
            ["vigia-track-1", "vigia-track-1-operator", "vigia-track-1", "vigia-track-1-operator"],
            events.Select(e => (string)e.Attribute("uid")!));
        Assert.Equal(["2026-03-14T18:30:15.000Z", "2026-03-14T18:30:16.000Z"], events.Where((_, i) => i % 2 == 0).Select(e => (string)e.Attribute("time")!));

        var drone = events[0];
        Assert.Equal("a-u-A-M-F-Q", (string)drone.Attribute("type")!);
        var expected = TakSamples.Frame.ToGeodetic(new EnuVector(300, 400, 120));
        var point = drone.Element("point")!;
        Assert.Equal(expected.LatitudeDegrees, double.Parse((string)point.Attribute("lat")!, CultureInfo.InvariantCulture), 6);
        Assert.Equal(expected.HeightAboveEllipsoidMeters, double.Parse((string)point.Attribute("hae")!, CultureInfo.InvariantCulture), 2);
        Assert.Equal(("4.0", "5.0"), ((string)point.Attribute("ce")!, (string)point.Attribute("le")!));
        var track = drone.Element("detail")!.Element("track")!;
        Assert.Equal(("90.0", "6.0"), ((string)track.Attribute("course")!, (string)track.Attribute("speed")!));
        Assert.Null(drone.Attribute("opex"));
    }

    [Fact]
    public async Task Tracks_AllowListedAreNeutral_AndExerciseFollowsTheServer()
    {
        using var receiver = TakTestHost.LoopbackReceiver();
        await using var host = Host(receiver, exercise: true);

        host.Publisher.PublishTracks(TakSamples.T0, [TakSamples.Snapshot(3, TakSamples.T0, "UAS-OK")], TakSamples.Frame, uas => uas == "UAS-OK");

        var e = TakTestHost.ParseDatagram(await TakTestHost.ReceiveAsync(receiver));
        Assert.Equal("a-n-A-M-F-Q", (string)e.Attribute("type")!);
        Assert.Equal("e-vigia", (string)e.Attribute("opex")!);
        Assert.StartsWith("EXERCISE ", (string)e.Element("detail")!.Element("contact")!.Attribute("callsign")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertOutput_SendsGeofenceBreachThenCancel_SkipsCoverageLostWithoutAZoneStore()
    {
        using var receiver = TakTestHost.LoopbackReceiver();
        await using var host = Host(receiver, exercise: false);
        var output = host.Get<IEnumerable<IAlertOutput>>().OfType<CotAlertOutput>().Single();

        await output.PublishAsync(
            [new AlertEvent(AlertChange.Raised, TakSamples.Alarm()), new AlertEvent(AlertChange.Raised, TakSamples.CoverageLost()), new AlertEvent(AlertChange.Cleared, TakSamples.Alarm(cleared: true))],
            TestContext.Current.CancellationToken);

        var raised = TakTestHost.ParseDatagram(await TakTestHost.ReceiveAsync(receiver));
        var cleared = TakTestHost.ParseDatagram(await TakTestHost.ReceiveAsync(receiver));
        Assert.Equal(("b-a-g", "Geo-fence Breached"), ((string)raised.Attribute("type")!, (string)raised.Element("detail")!.Element("emergency")!.Attribute("type")!));
        Assert.Equal(("b-a-o-can", "true"), ((string)cleared.Attribute("type")!, (string)cleared.Element("detail")!.Element("emergency")!.Attribute("cancel")!));
        Assert.Equal((string)raised.Attribute("uid")!, (string)cleared.Attribute("uid")!);
        Assert.Equal(1, output.Skipped);
        Assert.Equal("tak", output.Name);
    }

    private static TakTestHost Host(System.Net.Sockets.Socket receiver, bool exercise) => new(
        new Dictionary<string, string?>
        {
            ["Vigia:Tak:Udp:Enabled"] = "true",
            ["Vigia:Tak:Udp:Address"] = "127.0.0.1",
            ["Vigia:Tak:Udp:Port"] = TakTestHost.Port(((IPEndPoint)receiver.LocalEndPoint!).Port),
        },
        exercise);
}

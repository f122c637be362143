using Vigia.Core.Observations;
using Vigia.Sensors.Capture;
using Vigia.Sensors.RemoteId;
using Vigia.Testing;

namespace Vigia.Sensors.Tests.RemoteId;

public sealed class RemoteIdCaptureAdapterTests
{
    [Fact]
    public void TheBeaconCapture_GivesOneObservationPerPositionFrame_WithTheAircraftIdentity()
    {
        var (adapter, observations) = Play("odid_wifi_bcn_sample.pcap");

        // `vigia decode`: 21 frames, all beacons carrying a pack with Basic ID and Location.
        Assert.Equal((21, 21, 21), (adapter.Frames, adapter.RemoteIdFrames, adapter.Observations));
        Assert.All(observations, o =>
        {
            Assert.Equal(MeasurementKind.GeodeticPosition, o.Measurement.Kind);
            Assert.Contains("MFG1A0123456789", o.UasId, StringComparison.Ordinal);
            Assert.InRange(o.Measurement.V0, 45.54, 45.55);

            // Every pack also carries Self-ID, System and Operator ID messages, and no Authentication.
            Assert.NotNull(o.Identity);
            Assert.NotNull(o.Identity.AircraftType);
            Assert.False(string.IsNullOrEmpty(o.Identity.OperatorId));
            Assert.False(string.IsNullOrEmpty(o.Identity.SelfId));
            Assert.Contains("Unauthenticated", o.Identity.Flags);
        });
        Assert.Equal(45.5457468, observations[0].Measurement.V0, 7); // frame 1 as `vigia decode` shows it
    }

    [Fact]
    public void ACaptureWithoutABasicId_GivesNoObservation_AndBadFramesAreCountedNotThrown()
    {
        var (unidentified, none) = Play("odid_wifi_sample.pcap");
        var (bluetooth, _) = Play("odid_bt5_lr_sample.pcapng");

        Assert.Equal(42, unidentified.RemoteIdFrames);
        Assert.Empty(none);
        Assert.Equal(30, bluetooth.CrcFailed);
        Assert.Equal(19, bluetooth.Rejected["PackMessageCountOutOfRange"]);
    }

    private static (RemoteIdCaptureAdapter Adapter, List<Observation> Observations) Play(string file)
    {
        var adapter = new RemoteIdCaptureAdapter(new SensorId("rid-1"));
        var list = new List<Observation>();
        using var reader = CaptureReader.TryOpen(File.OpenRead(TestPaths.SharedData("remoteid", file)), leaveOpen: false, out _)!;
        while (reader.ReadNext(out var record) == CaptureReadStatus.Record)
        {
            if (adapter.TryObserve(record, record.Timestamp, out var observation))
            {
                list.Add(observation);
            }
        }

        return (adapter, list);
    }
}

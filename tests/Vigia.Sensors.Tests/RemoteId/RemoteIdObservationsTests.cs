using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Core.Tracks;
using Vigia.Sensors.RemoteId;
using Vigia.Tracking.Trackers;
using static Vigia.Sensors.Tests.RemoteId.RemoteIdTestMessages;

namespace Vigia.Sensors.Tests.RemoteId;

public sealed class RemoteIdObservationsTests
{
    private const double Latitude = 19.19;
    private const double Longitude = -102.85;
    private static readonly SensorId Receiver = new("rid-el-bejuco");
    private static readonly Timestamp T0 = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(10, 4, 10 / 2.45, 10 / 1.96)]
    [InlineData(12, 6, 1 / 2.45, 1 / 1.96)]
    [InlineData(0, 0, RemoteIdObservations.UnknownHorizontalSigmaMeters, RemoteIdObservations.UnknownVerticalSigmaMeters)]
    public void TryCreate_DeclaredAccuracy_SetsTheCovariance(byte horizontal, byte vertical, double sigmaH, double sigmaV)
    {
        var picture = new RemoteIdAssembler().Apply(Sender(1), T0, [BasicId("ACC"), Location(Latitude, Longitude, 1200, 0, horizontal, vertical)]);

        Assert.True(RemoteIdObservations.TryCreate(picture, Receiver, T0, out var observation));

        var r = observation.Measurement.Covariance;
        Assert.Equal(MeasurementKind.GeodeticPosition, observation.Measurement.Kind);
        Assert.Equal(sigmaH * sigmaH, r.M11, 9);
        Assert.Equal(sigmaH * sigmaH, r.M22, 9);
        Assert.Equal(sigmaV * sigmaV, r.M33, 9);
        Assert.Equal("SerialNumber:ACC", observation.UasId);
        Assert.Equal(ObservationFault.None, observation.Measurement.Validate());
    }

    [Theory]
    [InlineData(0, 0.4, 0)] // the aircraft's own time, heard 0.4 s later
    [InlineData(2, 0, 0)] // stamped 2 s after it was heard: cannot be, the receive time stands in
    [InlineData(0, 30, 30)] // 30 s from the receive time (flagged): a wrong or placeholder clock
    public void TryCreate_TheObservationsTime_IsTheAircraftsUnlessDoubtful(float stampedSecondsAfterHour, double heardAfter, double expectedAfter)
    {
        var heard = T0.AddSeconds(heardAfter);
        var picture = new RemoteIdAssembler().Apply(Sender(1), heard, [BasicId("CLOCK"), Location(Latitude, Longitude, 1200, stampedSecondsAfterHour)]);

        Assert.True(RemoteIdObservations.TryCreate(picture, Receiver, heard, out var observation));

        Assert.Equal(T0.AddSeconds(expectedAfter), observation.SensorTime);
        Assert.Equal(heard, observation.ReceiveTime);
    }

    [Fact]
    public void TryCreate_NoGeodeticAltitude_MakesTheHeightUninformative()
    {
        var picture = new RemoteIdAssembler().Apply(Sender(1), T0, [BasicId("BARO-ONLY"), Location(Latitude, Longitude, -1000, 0)]);

        Assert.True(RemoteIdObservations.TryCreate(picture, Receiver, T0, out var observation));

        Assert.Equal(RemoteIdObservations.MissingAltitudeSigmaMeters * RemoteIdObservations.MissingAltitudeSigmaMeters, observation.Measurement.Covariance.M33);
    }

    [Fact]
    public void TryCreate_NoIdentityOrNoPosition_MakesNoObservation()
    {
        var assembler = new RemoteIdAssembler();
        var keyless = assembler.Apply(Sender(2), T0, [Location(Latitude, Longitude, 1200, 0)]);
        var positionless = assembler.Apply(Sender(3), T0, [BasicId("NO-POS")]);

        Assert.False(RemoteIdObservations.TryCreate(keyless, Receiver, T0, out _));
        Assert.False(RemoteIdObservations.TryCreate(positionless, Receiver, T0, out _));
    }

    [Fact]
    public void Tracker_RemoteIdReports_GiveOneIdentifiedTrackWithItsOperatorNeverFusedAsTheDrone()
    {
        var frame = new LocalTangentPlane(new GeoPosition(Latitude, Longitude, 400));
        var tracker = new MultiTargetTracker(new TrackerOptions { Frame = frame });
        var assembler = new RemoteIdAssembler();
        var operatorAt = new GeoPosition(Latitude - 0.004, Longitude, 400);
        for (var k = 0; k < 10; k++)
        {
            // The drone flies east at about 10 m/s, 800 m above the ellipsoid; its pilot stands 440 m south.
            var time = T0.AddSeconds(k);
            var picture = assembler.Apply(Sender(4), time, [BasicId("1596A0000042"), Location(Latitude, Longitude + (0.0001 * k), 800, k), SystemMessage(operatorAt.LatitudeDegrees, operatorAt.LongitudeDegrees)]);
            Assert.True(RemoteIdObservations.TryCreate(picture, Receiver, time, out var observation));
            tracker.Step(time, [observation]);
        }

        var shown = new List<TrackSnapshot>();
        tracker.GetDisplayedTracks(T0.AddSeconds(9), shown);

        var track = Assert.Single(shown);
        Assert.Equal("SerialNumber:1596A0000042", track.UasId);
        Assert.Equal(operatorAt.LatitudeDegrees, track.OperatorPosition?.LatitudeDegrees);
        var expected = frame.ToEnu(new GeoPosition(Latitude, Longitude + 0.0009, 800));
        Assert.True((track.Position - expected).Length < 10, $"track at {track.Position}, drone at {expected}");
    }
}

using Vigia.Core.Time;
using Vigia.Protocols.RemoteId;
using Vigia.Sensors.RemoteId;

namespace Vigia.Sensors.Tests.RemoteId;

public sealed class RemoteIdPositionTests
{
    private static readonly Timestamp Received = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 25, 10, 0, 30, TimeSpan.Zero));

    [Fact]
    public void From_Sentinels_BecomeAbsent()
    {
        // F3411-22a Table 6 "unknown" encodings, as the decoder reports them.
        var location = new LocationMessage
        {
            Status = OperationalStatus.Airborne,
            LatitudeDegrees = 0,
            LongitudeDegrees = 0,
            AltitudeGeoMeters = -1000,
            AltitudeBaroMeters = -1000,
            HeightMeters = -1000,
            DirectionDegrees = 361,
            SpeedHorizontalMetersPerSecond = 255,
            SpeedVerticalMetersPerSecond = 63,
            TimestampSecondsAfterHour = 6553.5f,
        };

        var position = RemoteIdPosition.From(location, Received);

        Assert.Null(position.LatitudeDegrees);
        Assert.Null(position.LongitudeDegrees);
        Assert.Null(position.GeodeticAltitudeMeters);
        Assert.Null(position.PressureAltitudeMeters);
        Assert.Null(position.HeightMeters);
        Assert.Null(position.TrackDirectionDegrees);
        Assert.Null(position.GroundSpeedMetersPerSecond);
        Assert.Null(position.VerticalSpeedMetersPerSecond);
        Assert.Null(position.Time);
    }

    [Fact]
    public void From_KnownValues_AreKeptWithTheTimeRebuilt()
    {
        var location = new LocationMessage
        {
            Status = OperationalStatus.Airborne,
            LatitudeDegrees = 19.19,
            LongitudeDegrees = -102.85,
            AltitudeGeoMeters = 1250.5f,
            AltitudeBaroMeters = 1240,
            HeightMeters = 80,
            HeightType = HeightReference.AboveTakeoff,
            DirectionDegrees = 270,
            SpeedHorizontalMetersPerSecond = 12.25f,
            SpeedVerticalMetersPerSecond = -1.5f,
            TimestampSecondsAfterHour = 29.5f,
        };

        var position = RemoteIdPosition.From(location, Received);

        Assert.Equal(19.19, position.LatitudeDegrees);
        Assert.Equal(1250.5, position.GeodeticAltitudeMeters);
        Assert.Equal(1240, position.PressureAltitudeMeters);
        Assert.Equal(80, position.HeightMeters);
        Assert.Equal(270, position.TrackDirectionDegrees);
        Assert.Equal(12.25, position.GroundSpeedMetersPerSecond);
        Assert.Equal(-1.5, position.VerticalSpeedMetersPerSecond);
        Assert.Equal(Received.AddSeconds(-0.5), position.Time);
    }
}

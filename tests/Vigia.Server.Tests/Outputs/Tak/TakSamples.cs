using Vigia.Alerting.Alerts;
using Vigia.Alerting.Cot;
using Vigia.Alerting.Zones;
using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Core.Tracks;

namespace Vigia.Server.Tests.Outputs.Tak;

internal static class TakSamples
{
    public static readonly Timestamp T0 = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 14, 18, 30, 15, TimeSpan.Zero));

    public static readonly LocalTangentPlane Frame = new(new GeoPosition(19.08, -102.81, 1500));

    public static CotTrack Track(long id) => new()
    {
        TrackId = id,
        Time = T0,
        Position = new GeoPosition(19.085, -102.805, 1650),
        CourseDegrees = 90,
        SpeedMetersPerSecond = 5,
        HorizontalErrorMeters = 4,
        VerticalErrorMeters = 8,
    };

    /// <summary>A confirmed track 300 m east, 400 m north of the frame origin, flying east at 6 m/s.</summary>
    public static TrackSnapshot Snapshot(long id, Timestamp time, string? uasId = null, GeoPosition? pilot = null, TrackStatus status = TrackStatus.Confirmed) => new()
    {
        TrackId = id,
        Time = time,
        Status = status,
        Position = new EnuVector(300, 400, 120),
        Velocity = new EnuVector(6, 0, 0),
        PositionCovariance = Matrix3x3.Diagonal(16, 9, 25),
        UasId = uasId,
        OperatorPosition = pilot,
        Identity = uasId is null ? null : new BroadcastIdentity { AircraftType = "Aeroplane" },
        LastUpdate = time,
        FirstSeen = T0,
        UpdateCount = 10,
    };

    public static Alert Alarm(bool cleared = false) => new()
    {
        Id = "san-jose-20260314T183015Z",
        Version = cleared ? 2 : 1,
        Kind = AlertKind.ZoneThreat,
        Level = AlertLevel.Alarm,
        PeakLevel = AlertLevel.Alarm,
        Reasons = [AlertReason.InsideZone],
        ZoneId = "san-jose",
        ZoneName = "San José de Gracia",
        Area = new CircleShape(new GeoPoint(19.07, -102.85), 250),
        TrackIds = [12],
        Position = new GeoPosition(19.07, -102.85, 1600),
        ConditionSince = T0,
        RaisedAt = T0,
        UpdatedAt = cleared ? T0.AddSeconds(60) : T0,
        ClearedAt = cleared ? T0.AddSeconds(60) : null,
        ExpiresAt = T0.AddSeconds(600),
        Exercise = false,
    };

    public static Alert CoverageLost() => new()
    {
        Id = "radar-1-20260314T183015Z",
        Version = 1,
        Kind = AlertKind.CoverageLost,
        Level = AlertLevel.Advisory,
        PeakLevel = AlertLevel.Advisory,
        Reasons = [AlertReason.CoverageLost],
        SensorId = "radar-1",
        CoveredZoneIds = ["san-jose"],
        ConditionSince = T0,
        RaisedAt = T0,
        UpdatedAt = T0,
        ExpiresAt = T0.AddSeconds(600),
        Exercise = false,
    };
}

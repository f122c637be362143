using Vigia.Alerting.Alerts;
using Vigia.Alerting.Zones;
using Vigia.Core.Geodesy;
using Vigia.Core.Time;

namespace Vigia.Alerting.Tests.Cap;

/// <summary>Alert versions as the lifecycle makes them, for the CAP and CoT tests.</summary>
internal static class AlertSamples
{
    /// <summary>14 March 2026 18:30:15.450 UTC: fractions on purpose (CAP drops them).</summary>
    public static readonly Timestamp RaisedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 14, 18, 30, 15, 450, TimeSpan.Zero));

    /// <summary>Central Mexico without daylight saving since 2022: −06:00 all year.</summary>
    public static readonly TimeZoneInfo Mexico = TimeZoneInfo.CreateCustomTimeZone("CST-6", TimeSpan.FromHours(-6), "CST-6", "CST-6");

    /// <summary>An open ring (the builder must close it), around San José de Gracia.</summary>
    public static readonly PolygonShape Polygon = new([new(19.08, -102.81), new(19.08, -102.80), new(19.09, -102.80), new(19.09, -102.81)]);

    /// <summary>A school's 250 m circle.</summary>
    public static readonly CircleShape Circle = new(new GeoPoint(19.07, -102.85), 250);

    /// <summary>A zone threat at <paramref name="level"/>, version 1.</summary>
    public static Alert ZoneThreat(AlertLevel level, ZoneShape? area = null, bool exercise = false, AltitudeBand? band = null) => new()
    {
        Id = "san-jose-20260314T183015Z",
        Version = 1,
        Kind = AlertKind.ZoneThreat,
        Level = level,
        PeakLevel = level,
        Reasons = level switch
        {
            AlertLevel.Alarm => [AlertReason.InsideZone, AlertReason.NoRemoteId],
            AlertLevel.Warning => [AlertReason.PredictedEntry, AlertReason.NoRemoteId],
            _ => [AlertReason.UnknownInBuffer],
        },
        ZoneId = "san-jose",
        ZoneName = "San José de Gracia",
        ZoneKind = Zones.ZoneKind.Village,
        Area = area ?? Polygon,
        Band = band ?? new AltitudeBand(0, 150, ZoneHeightReference.AboveGround),
        TrackIds = [12, 15],
        UasId = level == AlertLevel.Advisory ? "1581F5FKD229400002E4" : null,
        Position = new GeoPosition(19.085, -102.805, 1650),
        SpeedMetersPerSecond = 8.4,
        CourseDegrees = 42,
        DistanceMeters = level == AlertLevel.Alarm ? 0 : 640,
        SecondsToEntry = level == AlertLevel.Alarm ? 0 : 75,
        ConditionSince = RaisedAt.AddSeconds(-3),
        RaisedAt = RaisedAt,
        UpdatedAt = RaisedAt,
        ExpiresAt = RaisedAt.AddSeconds(600),
        Exercise = exercise,
    };

    /// <summary>A sensor that covered two zones went down.</summary>
    public static Alert CoverageLost(bool exercise = false) => new()
    {
        Id = "radar-norte-20260314T183015Z",
        Version = 1,
        Kind = AlertKind.CoverageLost,
        Level = AlertLevel.Advisory,
        PeakLevel = AlertLevel.Advisory,
        Reasons = [AlertReason.CoverageLost],
        SensorId = "radar-norte",
        CoveredZoneIds = ["san-jose", "escuela-1"],
        ConditionSince = RaisedAt,
        RaisedAt = RaisedAt,
        UpdatedAt = RaisedAt,
        ExpiresAt = RaisedAt.AddSeconds(900),
        Exercise = exercise,
    };

    /// <summary>Raise (warning) → update (alarm) → acknowledged → cleared: four versions of one alert.</summary>
    public static IReadOnlyList<Alert> FullHistory(bool exercise = false, ZoneShape? area = null)
    {
        var raised = ZoneThreat(AlertLevel.Warning, area, exercise);
        var updated = ZoneThreat(AlertLevel.Alarm, area, exercise) with
        {
            Version = 2,
            UpdatedAt = RaisedAt.AddSeconds(20.2),
            ExpiresAt = RaisedAt.AddSeconds(620),
        };
        var acknowledged = updated with
        {
            Version = 3,
            UpdatedAt = RaisedAt.AddSeconds(41.9),
            Acknowledgement = new Acknowledgement("operador-1", RaisedAt.AddSeconds(41.9)),
        };
        var cleared = acknowledged with
        {
            Version = 4,
            Level = AlertLevel.None,
            Reasons = [],
            TrackIds = [],
            UpdatedAt = RaisedAt.AddSeconds(300),
            ClearedAt = RaisedAt.AddSeconds(300),
            ExpiresAt = RaisedAt.AddSeconds(300),
        };
        return [raised, updated, acknowledged, cleared];
    }
}

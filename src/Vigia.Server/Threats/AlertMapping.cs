using Vigia.Alerting.Alerts;
using Vigia.Alerting.Zones;
using Vigia.Core.Geodesy;
using Vigia.Core.Time;
using Vigia.Server.Json;

namespace Vigia.Server.Threats;

/// <summary>An alert version to and from its API/journal form (<see cref="AlertDto"/>).</summary>
public static class AlertMapping
{
    /// <summary>The wire name of a change.</summary>
    public static string ChangeName(AlertChange change) => change switch
    {
        AlertChange.Raised => "raised",
        AlertChange.Updated => "updated",
        AlertChange.Acknowledged => "acknowledged",
        _ => "cleared",
    };

    /// <summary>The change a wire name stands for.</summary>
    public static AlertChange ParseChange(string name) => name switch
    {
        "raised" => AlertChange.Raised,
        "updated" => AlertChange.Updated,
        "acknowledged" => AlertChange.Acknowledged,
        "cleared" => AlertChange.Cleared,
        _ => throw new FormatException($"change: unknown alert change '{name}'"),
    };

    /// <summary>The alert as the API shows it, with its wording in both languages.</summary>
    public static AlertDto ToDto(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new AlertDto
        {
            Id = alert.Id,
            Version = alert.Version,
            Kind = alert.Kind == AlertKind.CoverageLost ? "coverage_lost" : "zone_threat",
            Level = AlertReasonCodes.Of(alert.Level),
            PeakLevel = AlertReasonCodes.Of(alert.PeakLevel),
            Reasons = [.. alert.Reasons.Select(AlertReasonCodes.Of)],
            HeadlineEs = AlertText.Headline(alert, AlertLanguage.Spanish),
            HeadlineEn = AlertText.Headline(alert, AlertLanguage.English),
            DescriptionEs = AlertText.Description(alert, AlertLanguage.Spanish),
            DescriptionEn = AlertText.Description(alert, AlertLanguage.English),
            InstructionEs = AlertText.Instruction(alert, AlertLanguage.Spanish),
            InstructionEn = AlertText.Instruction(alert, AlertLanguage.English),
            ZoneId = alert.ZoneId,
            ZoneName = alert.ZoneName,
            ZoneKind = alert.ZoneKind?.ToString().ToLowerInvariant(),
            Area = alert.Area switch
            {
                CircleShape c => new AreaDto("circle", Centre: new GeoDto(c.Centre.LatitudeDegrees, c.Centre.LongitudeDegrees, 0), RadiusM: c.RadiusMeters),
                PolygonShape p => new AreaDto("polygon", Ring: [.. p.Ring.Select(v => new[] { v.LatitudeDegrees, v.LongitudeDegrees })]),
                _ => null,
            },
            Band = alert.Band is { } b ? new BandDto(b.FloorMeters, b.CeilingMeters, HeightRefName(b.Reference)) : null,
            SensorId = alert.SensorId,
            CoveredZoneIds = alert.CoveredZoneIds.Count > 0 ? alert.CoveredZoneIds : null,
            TrackIds = alert.TrackIds,
            UasId = alert.UasId,
            Position = alert.Position is { } g ? new GeoDto(g.LatitudeDegrees, g.LongitudeDegrees, g.HeightAboveEllipsoidMeters) : null,
            SpeedMps = alert.SpeedMetersPerSecond,
            CourseDeg = alert.CourseDegrees,
            DistanceM = alert.DistanceMeters,
            SecondsToEntry = alert.SecondsToEntry,
            ConditionSince = alert.ConditionSince.ToDateTimeOffset(),
            RaisedAt = alert.RaisedAt.ToDateTimeOffset(),
            UpdatedAt = alert.UpdatedAt.ToDateTimeOffset(),
            ClearedAt = alert.ClearedAt?.ToDateTimeOffset(),
            AcknowledgedBy = alert.Acknowledgement?.By,
            AcknowledgedAt = alert.Acknowledgement?.At.ToDateTimeOffset(),
            ExpiresAt = alert.ExpiresAt.ToDateTimeOffset(),
            Exercise = alert.Exercise,
            Active = alert.IsActive,
        };
    }

    /// <summary>The alert a journalled <see cref="AlertDto"/> describes.</summary>
    public static Alert FromDto(AlertDto dto)
    {
        ArgumentNullException.ThrowIfNull(dto);
        return new Alert
        {
            Id = dto.Id,
            Version = dto.Version,
            Kind = dto.Kind == "coverage_lost" ? AlertKind.CoverageLost : AlertKind.ZoneThreat,
            Level = ParseLevel(dto.Level),
            PeakLevel = ParseLevel(dto.PeakLevel),
            Reasons = [.. dto.Reasons.Select(ParseReason)],
            ZoneId = dto.ZoneId,
            ZoneName = dto.ZoneName,
            ZoneKind = dto.ZoneKind is { } k ? Enum.Parse<ZoneKind>(k, ignoreCase: true) : null,
            Area = dto.Area switch
            {
                { Type: "circle", Centre: { } c, RadiusM: { } r } => new CircleShape(new GeoPoint(c.Lat, c.Lon), r),
                { Type: "polygon", Ring: { } ring } => new PolygonShape([.. ring.Select(v => new GeoPoint(v[0], v[1]))]),
                _ => null,
            },
            Band = dto.Band is { } b ? new AltitudeBand(b.FloorM, b.CeilingM, ParseHeightRef(b.HeightRef)) : null,
            SensorId = dto.SensorId,
            CoveredZoneIds = dto.CoveredZoneIds ?? [],
            TrackIds = dto.TrackIds,
            UasId = dto.UasId,
            Position = dto.Position is { } g ? new GeoPosition(g.Lat, g.Lon, g.H) : null,
            SpeedMetersPerSecond = dto.SpeedMps,
            CourseDegrees = dto.CourseDeg,
            DistanceMeters = dto.DistanceM,
            SecondsToEntry = dto.SecondsToEntry,
            ConditionSince = Timestamp.FromDateTimeOffset(dto.ConditionSince),
            RaisedAt = Timestamp.FromDateTimeOffset(dto.RaisedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(dto.UpdatedAt),
            ClearedAt = dto.ClearedAt is { } cleared ? Timestamp.FromDateTimeOffset(cleared) : null,
            Acknowledgement = dto is { AcknowledgedBy: { } by, AcknowledgedAt: { } at } ? new Acknowledgement(by, Timestamp.FromDateTimeOffset(at)) : null,
            ExpiresAt = Timestamp.FromDateTimeOffset(dto.ExpiresAt),
            Exercise = dto.Exercise,
        };
    }

    private static string HeightRefName(ZoneHeightReference reference) => reference switch
    {
        ZoneHeightReference.MeanSeaLevel => "msl",
        ZoneHeightReference.Ellipsoid => "ellipsoid",
        _ => "agl",
    };

    private static ZoneHeightReference ParseHeightRef(string name) => name switch
    {
        "msl" => ZoneHeightReference.MeanSeaLevel,
        "ellipsoid" => ZoneHeightReference.Ellipsoid,
        _ => ZoneHeightReference.AboveGround,
    };

    private static AlertLevel ParseLevel(string name) =>
        Enum.GetValues<AlertLevel>().FirstOrDefault(l => AlertReasonCodes.Of(l) == name);

    private static AlertReason ParseReason(string code) =>
        Enum.GetValues<AlertReason>().First(r => AlertReasonCodes.Of(r) == code);
}

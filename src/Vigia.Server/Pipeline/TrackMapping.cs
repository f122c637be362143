using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Core.Tracks;
using Vigia.Server.Json;

namespace Vigia.Server.Pipeline;

/// <summary>Turns tracker snapshots (picture-frame ENU) into API documents (WGS-84).</summary>
public static class TrackMapping
{
    /// <summary>The API form of <paramref name="s"/> in <paramref name="frame"/>.</summary>
    public static TrackDto ToDto(TrackSnapshot s, LocalTangentPlane frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var p = frame.ToGeodetic(s.Position);
        var v = s.Velocity;
        var heading = Math.Atan2(v.EastMeters, v.NorthMeters) * 180.0 / Math.PI;
        return new TrackDto
        {
            Id = s.TrackId,
            Status = s.Status.ToString().ToLowerInvariant(),
            Time = s.Time.ToDateTimeOffset(),
            Position = new GeoDto(p.LatitudeDegrees, p.LongitudeDegrees, p.HeightAboveEllipsoidMeters),
            VelocityEnu = [v.EastMeters, v.NorthMeters, v.UpMeters],
            SpeedMps = Math.Sqrt((v.EastMeters * v.EastMeters) + (v.NorthMeters * v.NorthMeters)),
            HeadingDeg = heading < 0 ? heading + 360 : heading,
            PositionStdM = Math.Sqrt(Math.Max(0, (s.PositionCovariance[0, 0] + s.PositionCovariance[1, 1]) / 2)),
            UasId = s.UasId,
            Cooperative = s.UasId is not null,
            Operator = s.OperatorPosition is { } o ? new GeoDto(o.LatitudeDegrees, o.LongitudeDegrees, o.HeightAboveEllipsoidMeters) : null,
            UaType = s.Identity?.AircraftType,
            OperatorId = s.Identity?.OperatorId,
            SelfId = s.Identity?.SelfId,
            Flags = s.Identity?.Flags ?? [],
            Sensors = s.Sensors is { } sensors ? [.. sensors.Select(x => x.Value)] : [],
            ObjectClass = s.Classification is { } c ? Classification.ClassName(c.Class) : null,
            ClassSource = s.Classification is { } c2 ? Classification.SourceName(c2.Source) : null,
            ClassConfidence = s.Classification?.Confidence,
            ClassLabel = s.Classification?.Label,
            ClassSensor = s.Classification?.Sensor?.Value,
            FirstSeen = s.FirstSeen.ToDateTimeOffset(),
            LastUpdate = s.LastUpdate.ToDateTimeOffset(),
            Updates = s.UpdateCount,
            ManoeuvreProbability = s.ManoeuvreProbability,
        };
    }
}

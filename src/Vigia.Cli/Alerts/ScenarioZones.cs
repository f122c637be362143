using System.Globalization;
using Vigia.Alerting.Rules;
using Vigia.Alerting.Zones;
using Vigia.Core.Geodesy;
using Vigia.Scenarios.Format;

namespace Vigia.Cli.Alerts;

/// <summary>
/// Converts between a scenario's neutral zones (<see cref="ScenarioZone"/>, Scenarios knows nothing of
/// Alerting) and the alerting engine's <see cref="ProtectedZone"/>, and pairs each zone with the height
/// references its band needs in an evaluation.
/// </summary>
/// <remarks>
/// Height references in a scenario: above-ground bands take the ground as flat at the frame origin's height
/// (the simulators fly heights above the origin); mean-sea-level bands have no geoid model, so the engine counts
/// any height as within the band (its safe side, <see cref="ZoneContext"/>). Stateless.
/// </remarks>
internal static class ScenarioZones
{
    /// <summary>
    /// The scenario's zones as engine zones with their height references. A zone the engine refuses (an outline
    /// that crosses itself, say) throws <see cref="ScenarioFormatException"/> at the zone's line and column,
    /// naming <c>zones[i].field</c> in the file's vocabulary.
    /// </summary>
    public static IReadOnlyList<ZoneContext> ToContexts(string file, ScenarioHeader header)
    {
        var ground = header.OriginWgs84?.HeightAboveEllipsoidMeters;
        var contexts = new List<ZoneContext>(header.Zones.Count);
        for (var i = 0; i < header.Zones.Count; i++)
        {
            var zone = header.Zones[i];
            try
            {
                contexts.Add(new ZoneContext(ToProtectedZone(zone), geoid: null, groundHeightAboveEllipsoidMeters: ground));
            }
            catch (ZoneValidationException e)
            {
                throw new ScenarioFormatException(file, Math.Max(1, zone.Line), Math.Max(1, zone.Column),
                    string.Create(CultureInfo.InvariantCulture, $"zones[{i}].{FileField(e.Field)}"), e.Reason);
            }
        }

        return contexts;
    }

    /// <summary>An engine zone from a scenario zone; throws <see cref="ZoneValidationException"/> naming the field.</summary>
    public static ProtectedZone ToProtectedZone(ScenarioZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!Enum.TryParse<ZoneKind>(zone.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || zone.Kind.Length == 0 || char.IsDigit(zone.Kind[0]))
        {
            throw new ZoneValidationException("kind", $"'{zone.Kind}' is not a zone kind");
        }

        var reference = zone.HeightReference switch
        {
            "ellipsoid" => ZoneHeightReference.Ellipsoid,
            "msl" => ZoneHeightReference.MeanSeaLevel,
            "agl" => ZoneHeightReference.AboveGround,
            _ => throw new ZoneValidationException("height_ref", $"'{zone.HeightReference}' is not one of ellipsoid, msl, agl"),
        };
        ZoneShape shape = zone.Circle is { } c
            ? new CircleShape(new GeoPoint(c.LatitudeDegrees, c.LongitudeDegrees), c.RadiusMeters)
            : new PolygonShape([.. (zone.Polygon ?? []).Select(p => new GeoPoint(p.LatitudeDegrees, p.LongitudeDegrees))]);
        return new ProtectedZone(zone.Id, zone.Name, kind, shape, new AltitudeBand(zone.FloorMeters, zone.CeilingMeters, reference), zone.BufferMeters);
    }

    /// <summary>A scenario zone from an engine zone (for <c>vigia simulate --zones FILE.geojson</c>).</summary>
    public static ScenarioZone FromProtectedZone(ProtectedZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new ScenarioZone
        {
            Id = zone.Id,
            Name = zone.Name,
            Kind = zone.Kind.ToString().ToLowerInvariant(),
            Polygon = zone.Shape is PolygonShape polygon ? [.. polygon.Ring.Select(p => new LatLon(p.LatitudeDegrees, p.LongitudeDegrees))] : null,
            Circle = zone.Shape is CircleShape circle ? new ZoneCircle(circle.Centre.LatitudeDegrees, circle.Centre.LongitudeDegrees, circle.RadiusMeters) : null,
            FloorMeters = zone.Band.FloorMeters,
            CeilingMeters = zone.Band.CeilingMeters,
            HeightReference = zone.Band.Reference switch
            {
                ZoneHeightReference.MeanSeaLevel => "msl",
                ZoneHeightReference.AboveGround => "agl",
                _ => "ellipsoid",
            },
            BufferMeters = zone.BufferMeters,
        };
    }

    /// <summary>The engine's picture frame for a scenario: ENU at the file's origin.</summary>
    public static LocalTangentPlane PictureFrame(string file, ScenarioHeader header) =>
        header.OriginWgs84 is { } origin
            ? new LocalTangentPlane(origin)
            : throw new ScenarioFormatException(file, 1, 1, "frame.origin_wgs84", "an alerting evaluation needs the scenario's WGS-84 origin");

    /// <summary>The engine names polygons and circles in GeoJSON terms; the scenario format names them otherwise.</summary>
    private static string FileField(string field) =>
        field.StartsWith("polygon", StringComparison.Ordinal) ? "polygon_wgs84" + field["polygon".Length..]
        : field == "centre" ? "circle"
        : field == "radius_m" ? "circle.radius_m"
        : field;
}

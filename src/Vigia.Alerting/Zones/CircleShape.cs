namespace Vigia.Alerting.Zones;

/// <summary>A circular outline: centre and radius in metres on the local tangent plane.</summary>
public sealed record CircleShape(GeoPoint Centre, double RadiusMeters) : ZoneShape
{
    /// <summary>The largest radius accepted (100 km): anything bigger is a typing error, not a zone.</summary>
    public const double MaxRadiusMeters = 100_000.0;
}

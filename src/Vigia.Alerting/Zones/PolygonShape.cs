namespace Vigia.Alerting.Zones;

/// <summary>
/// A polygon outline: one WGS-84 ring (no holes), open or closed, in any winding order. Heights of the
/// vertices are ignored.
/// </summary>
public sealed record PolygonShape(IReadOnlyList<GeoPoint> Ring) : ZoneShape
{
    /// <summary>Rings are equal when their vertices are, in order.</summary>
    public bool Equals(PolygonShape? other) => other is not null && Ring.SequenceEqual(other.Ring);

    /// <summary>Hash of the ring length (rings compare by value).</summary>
    public override int GetHashCode() => Ring.Count;
}

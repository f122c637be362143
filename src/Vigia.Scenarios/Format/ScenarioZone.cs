using System.Globalization;

namespace Vigia.Scenarios.Format;

/// <summary>
/// A protected zone carried by a scenario (<c>zones[]</c>, docs/alerting-scenarios.md): a neutral record of
/// what the file says, checked field by field. The alerting engine's own zone type is built from it by the
/// caller (Scenarios references Core only); that step also checks what needs geometry (a self-intersecting
/// outline, say) and can report it at <see cref="Line"/> and <see cref="Column"/>.
/// </summary>
/// <remarks>
/// Exactly one of <see cref="Polygon"/> and <see cref="Circle"/> is set. Equality compares every field that
/// the file holds (the polygon vertex by vertex) and ignores where it was read. Immutable.
/// </remarks>
public sealed record ScenarioZone
{
    /// <summary>The zone kinds a file may name (the alerting engine's vocabulary).</summary>
    public static readonly IReadOnlyList<string> Kinds = ["village", "school", "clinic", "plant", "prison", "stadium", "other"];

    /// <summary>The height references a file may name: ellipsoid, mean sea level, above ground.</summary>
    public static readonly IReadOnlyList<string> HeightReferences = ["ellipsoid", "msl", "agl"];

    /// <summary>The widest buffer and circle radius accepted, metres (as the alerting engine).</summary>
    public const double MaxMeters = 100_000;

    /// <summary>Zone id, unique in the file.</summary>
    public required string Id { get; init; }

    /// <summary>Human-readable name.</summary>
    public required string Name { get; init; }

    /// <summary>What it protects: one of <see cref="Kinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The outline as a WGS-84 ring (<c>polygon_wgs84</c>: [[lat, lon], …]), or null for a circle.</summary>
    public IReadOnlyList<LatLon>? Polygon { get; init; }

    /// <summary>The outline as a circle (<c>circle</c>), or null for a polygon.</summary>
    public ZoneCircle? Circle { get; init; }

    /// <summary>Floor of the altitude band, metres above <see cref="HeightReference"/> (<c>floor_m</c>).</summary>
    public required double FloorMeters { get; init; }

    /// <summary>Ceiling of the altitude band, metres above <see cref="HeightReference"/> (<c>ceiling_m</c>).</summary>
    public required double CeilingMeters { get; init; }

    /// <summary>What the band is measured from: one of <see cref="HeightReferences"/> (<c>height_ref</c>).</summary>
    public required string HeightReference { get; init; }

    /// <summary>Width of the watch buffer around the outline, metres (<c>buffer_m</c>, default 0).</summary>
    public double BufferMeters { get; init; }

    /// <summary>1-based line of the zone's object in the file it was read from; 0 when not read from a file.</summary>
    public long Line { get; init; }

    /// <summary>1-based column (UTF-8 bytes) of the zone's object; 0 when not read from a file.</summary>
    public long Column { get; init; }

    /// <summary>
    /// The first field that is out of its domain, as (field, reason), or null when the zone is acceptable:
    /// empty id or name, unknown kind or height reference, both or neither outline, a ring of fewer than 3
    /// distinct points, a coordinate out of range, a radius or buffer out of [0, 100 km], floor not below ceiling.
    /// </summary>
    public (string Field, string Reason)? Check()
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            return ("id", "must be a non-empty string");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            return ("name", "must be a non-empty string");
        }

        if (!Kinds.Contains(Kind))
        {
            return ("kind", $"'{Kind}' is not one of {string.Join(", ", Kinds)}");
        }

        if ((Polygon is null) == (Circle is null))
        {
            return ("polygon_wgs84", "give exactly one outline: polygon_wgs84 or circle");
        }

        if (Polygon is { } ring)
        {
            for (var i = 0; i < ring.Count; i++)
            {
                if (ring[i].Problem() is { } problem)
                {
                    return (Invariant($"polygon_wgs84[{i}]"), problem);
                }
            }

            var distinct = ring.Distinct().Count();
            if (distinct < 3)
            {
                return ("polygon_wgs84", Invariant($"needs at least 3 distinct points, got {distinct}"));
            }
        }

        if (Circle is { } circle)
        {
            if (new LatLon(circle.LatitudeDegrees, circle.LongitudeDegrees).Problem() is { } problem)
            {
                return ("circle", problem);
            }

            if (!(circle.RadiusMeters > 0 && circle.RadiusMeters <= MaxMeters))
            {
                return ("circle.radius_m", Invariant($"must be within (0, {MaxMeters}] metres, got {circle.RadiusMeters}"));
            }
        }

        if (!(FloorMeters < CeilingMeters))
        {
            return ("floor_m", Invariant($"floor {FloorMeters} m must be below ceiling_m {CeilingMeters} m"));
        }

        if (!HeightReferences.Contains(HeightReference))
        {
            return ("height_ref", $"'{HeightReference}' is not one of {string.Join(", ", HeightReferences)}");
        }

        if (!(BufferMeters >= 0 && BufferMeters <= MaxMeters))
        {
            return ("buffer_m", Invariant($"must be within [0, {MaxMeters}] metres, got {BufferMeters}"));
        }

        return null;
    }

    /// <summary>Field-by-field equality; polygons compare vertex by vertex; the source place is ignored.</summary>
    public bool Equals(ScenarioZone? other) =>
        other is not null
        && Id == other.Id && Name == other.Name && Kind == other.Kind
        && Circle == other.Circle
        && ((Polygon is null && other.Polygon is null) || (Polygon is not null && other.Polygon is not null && Polygon.SequenceEqual(other.Polygon)))
        && FloorMeters.Equals(other.FloorMeters) && CeilingMeters.Equals(other.CeilingMeters)
        && HeightReference == other.HeightReference && BufferMeters.Equals(other.BufferMeters);

    /// <summary>Hash of the id and outline kind (zones compare by value).</summary>
    public override int GetHashCode() => HashCode.Combine(Id, Circle is null);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A WGS-84 latitude and longitude in degrees (a zone vertex; no height).</summary>
/// <param name="LatitudeDegrees">Latitude, degrees, [-90, 90].</param>
/// <param name="LongitudeDegrees">Longitude, degrees, [-180, 180].</param>
public readonly record struct LatLon(double LatitudeDegrees, double LongitudeDegrees)
{
    /// <summary>Why the pair is out of range, or null.</summary>
    internal string? Problem() =>
        !(Math.Abs(LatitudeDegrees) <= 90) ? string.Create(CultureInfo.InvariantCulture, $"latitude {LatitudeDegrees} is outside [-90, 90] degrees")
        : !(Math.Abs(LongitudeDegrees) <= 180) ? string.Create(CultureInfo.InvariantCulture, $"longitude {LongitudeDegrees} is outside [-180, 180] degrees")
        : null;
}

/// <summary>A circular zone outline (<c>circle: {lat, lon, radius_m}</c>).</summary>
/// <param name="LatitudeDegrees">Centre latitude, degrees.</param>
/// <param name="LongitudeDegrees">Centre longitude, degrees.</param>
/// <param name="RadiusMeters">Radius on the local tangent plane, metres.</param>
public readonly record struct ZoneCircle(double LatitudeDegrees, double LongitudeDegrees, double RadiusMeters);

/// <summary>What a truth target is for the alerting evaluation (<c>truth[].role</c>).</summary>
public enum TruthRole
{
    /// <summary>A drone that threatens the zones (<c>threat</c>): alerts on it are true alerts.</summary>
    Threat,

    /// <summary>A Remote ID drone flying lawfully (<c>cooperative</c>), away from the zones.</summary>
    Cooperative,

    /// <summary>An allow-listed drone (<c>allowed</c>) that may fly over zones without an alert.</summary>
    Allowed,
}

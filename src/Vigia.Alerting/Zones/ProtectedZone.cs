namespace Vigia.Alerting.Zones;

/// <summary>
/// A protected place: outline, altitude band, watch buffer. Construction validates everything and projects
/// the outline into metres (<see cref="Geometry"/>), so a <see cref="ProtectedZone"/> that exists is valid.
/// Immutable; safe to share between threads.
/// </summary>
public sealed class ProtectedZone
{
    /// <summary>The widest watch buffer accepted (100 km).</summary>
    public const double MaxBufferMeters = 100_000.0;

    /// <summary>Validates and builds a zone; throws <see cref="ZoneValidationException"/> naming the field.</summary>
    public ProtectedZone(string id, string name, ZoneKind kind, ZoneShape shape, AltitudeBand band, double bufferMeters = 0)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ZoneValidationException("id", "must not be empty");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ZoneValidationException("name", "must not be empty");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ZoneValidationException("kind", "unknown zone kind");
        }

        if (shape is null)
        {
            throw new ZoneValidationException("geometry", "a polygon or circle is required");
        }

        if (band is null)
        {
            throw new ZoneValidationException("floor_m", "an altitude band is required");
        }

        if (!(bufferMeters >= 0 && bufferMeters <= MaxBufferMeters))
        {
            throw new ZoneValidationException("buffer_m", $"must be within [0, {MaxBufferMeters}] metres, got {bufferMeters}");
        }

        Id = id;
        Name = name;
        Kind = kind;
        Shape = shape;
        Band = band;
        BufferMeters = bufferMeters;
        Geometry = ZoneGeometry.Create(shape);
    }

    /// <summary>Stable identifier, unique within a zone set.</summary>
    public string Id { get; }

    /// <summary>Human-readable name.</summary>
    public string Name { get; }

    /// <summary>What the zone protects.</summary>
    public ZoneKind Kind { get; }

    /// <summary>The outline as given, in WGS-84 degrees.</summary>
    public ZoneShape Shape { get; }

    /// <summary>The vertical extent.</summary>
    public AltitudeBand Band { get; }

    /// <summary>Width of the watch buffer around the outline, in metres (0 = none).</summary>
    public double BufferMeters { get; }

    /// <summary>The outline in metres in a local ENU frame at the zone's centroid.</summary>
    public ZoneGeometry Geometry { get; }
}

namespace Vigia.Core.Geodesy;

/// <summary>
/// A point in the WGS-84 Earth-centred, Earth-fixed (ECEF) Cartesian frame, metres: origin at the
/// Earth's centre of mass, Z along the rotation axis (north positive), X through latitude 0° and
/// longitude 0°, Y through latitude 0° and longitude 90° E.
/// </summary>
/// <remarks>
/// A point, not a displacement: subtracting two points gives an <see cref="EcefVector"/>.
/// Thread-safety: immutable value type, safe to share.
/// </remarks>
/// <param name="XMeters">X coordinate, metres.</param>
/// <param name="YMeters">Y coordinate, metres.</param>
/// <param name="ZMeters">Z coordinate, metres.</param>
public readonly record struct EcefPosition(double XMeters, double YMeters, double ZMeters)
{
    /// <summary>The displacement from <paramref name="from"/> to <paramref name="to"/>, ECEF metres.</summary>
    public static EcefVector operator -(EcefPosition to, EcefPosition from) =>
        new(to.XMeters - from.XMeters, to.YMeters - from.YMeters, to.ZMeters - from.ZMeters);

    /// <summary>The point reached by moving <paramref name="position"/> by <paramref name="displacement"/>, ECEF metres.</summary>
    public static EcefPosition operator +(EcefPosition position, EcefVector displacement) =>
        new(position.XMeters + displacement.XMeters, position.YMeters + displacement.YMeters, position.ZMeters + displacement.ZMeters);

    /// <summary>Straight-line (chord) distance to <paramref name="other"/>, metres.</summary>
    public double DistanceTo(EcefPosition other) => (this - other).Length;
}

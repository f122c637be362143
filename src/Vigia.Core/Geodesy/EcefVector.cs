namespace Vigia.Core.Geodesy;

/// <summary>
/// A displacement or direction in the WGS-84 ECEF frame (axes as for <see cref="EcefPosition"/>),
/// metres (or dimensionless for a unit direction). Unlike a position it does not depend on the
/// origin, so it is what rotates between ECEF and a local ENU frame.
/// </summary>
/// <remarks>Thread-safety: immutable value type, safe to share.</remarks>
/// <param name="XMeters">X component, metres.</param>
/// <param name="YMeters">Y component, metres.</param>
/// <param name="ZMeters">Z component, metres.</param>
public readonly record struct EcefVector(double XMeters, double YMeters, double ZMeters)
{
    /// <summary>Euclidean length, metres.</summary>
    public double Length => Math.Sqrt((XMeters * XMeters) + (YMeters * YMeters) + (ZMeters * ZMeters));
}

using Vigia.Core.Numerics;

namespace Vigia.Core.Geodesy;

/// <summary>
/// A local East-North-Up frame tangent to the WGS-84 ellipsoid at a geodetic origin: east and north
/// span the plane tangent to the ellipsoid at the origin's latitude and longitude, up is the
/// ellipsoid normal there, and the origin point itself (including its height) maps to
/// <see cref="EnuVector.Zero"/>. Converts points and directions between this frame, ECEF and
/// geodetic coordinates, and between two such frames.
/// </summary>
/// <remarks>
/// The conversions are rigorous (a rotation and a translation of ECEF), not a flat-earth
/// approximation, so they are exact at any distance; "up" of a distant point is simply its height
/// above the tangent plane, which falls below zero with distance because of the Earth's curvature.
/// At a pole east and north follow the origin's longitude.
/// Thread-safety: immutable after construction; safe to share between threads.
/// </remarks>
public sealed class LocalTangentPlane
{
    private readonly double _sinLat;
    private readonly double _cosLat;
    private readonly double _sinLon;
    private readonly double _cosLon;

    /// <summary>Creates the frame tangent to the WGS-84 ellipsoid at <paramref name="origin"/>.</summary>
    /// <param name="origin">The frame origin: WGS-84 latitude and longitude in degrees, height above the ellipsoid in metres.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The latitude is not within [-90, 90] degrees, or the longitude or height is not finite.
    /// </exception>
    public LocalTangentPlane(GeoPosition origin)
    {
        if (!(Math.Abs(origin.LatitudeDegrees) <= 90.0))
        {
            throw new ArgumentOutOfRangeException(nameof(origin), origin.LatitudeDegrees, "latitude must be within [-90, 90] degrees");
        }

        if (!double.IsFinite(origin.LongitudeDegrees) || !double.IsFinite(origin.HeightAboveEllipsoidMeters))
        {
            throw new ArgumentOutOfRangeException(nameof(origin), origin, "longitude and height must be finite");
        }

        Origin = origin;
        OriginEcef = Wgs84.ToEcef(origin);
        (_sinLat, _cosLat) = Math.SinCos(Wgs84.DegreesToRadians(origin.LatitudeDegrees));
        (_sinLon, _cosLon) = Math.SinCos(Wgs84.DegreesToRadians(origin.LongitudeDegrees));
    }

    /// <summary>The frame origin, WGS-84 degrees and metres above the ellipsoid.</summary>
    public GeoPosition Origin { get; }

    /// <summary>The frame origin in ECEF metres.</summary>
    public EcefPosition OriginEcef { get; }

    /// <summary>The position of a geodetic point in this frame, ENU metres.</summary>
    public EnuVector ToEnu(GeoPosition position) => ToEnu(Wgs84.ToEcef(position));

    /// <summary>The position of an ECEF point in this frame, ENU metres.</summary>
    public EnuVector ToEnu(EcefPosition position) => RotateFromEcef(position - OriginEcef);

    /// <summary>The ECEF position (metres) of a point given in this frame (ENU metres).</summary>
    public EcefPosition ToEcef(EnuVector position) => OriginEcef + RotateToEcef(position);

    /// <summary>The geodetic position (WGS-84 degrees, metres above the ellipsoid) of a point given in this frame (ENU metres).</summary>
    public GeoPosition ToGeodetic(EnuVector position) => Wgs84.ToGeodetic(ToEcef(position));

    /// <summary>
    /// Rotates a displacement or direction from ECEF axes into this frame's ENU axes (no translation).
    /// Lengths are preserved; units are whatever the input's are.
    /// </summary>
    public EnuVector RotateFromEcef(EcefVector direction)
    {
        var (dx, dy, dz) = (direction.XMeters, direction.YMeters, direction.ZMeters);
        var alongMeridian = (_cosLon * dx) + (_sinLon * dy);
        return new EnuVector(
            (-_sinLon * dx) + (_cosLon * dy),
            (-_sinLat * alongMeridian) + (_cosLat * dz),
            (_cosLat * alongMeridian) + (_sinLat * dz));
    }

    /// <summary>
    /// Rotates a displacement or direction from this frame's ENU axes into ECEF axes (no translation);
    /// the inverse of <see cref="RotateFromEcef"/>.
    /// </summary>
    public EcefVector RotateToEcef(EnuVector direction)
    {
        var (e, n, u) = (direction.EastMeters, direction.NorthMeters, direction.UpMeters);
        var alongMeridian = (-_sinLat * n) + (_cosLat * u);
        return new EcefVector(
            (-_sinLon * e) + (_cosLon * alongMeridian),
            (_cosLon * e) + (_sinLon * alongMeridian),
            (_cosLat * n) + (_sinLat * u));
    }

    /// <summary>
    /// The position in this frame (ENU metres) of a point given in <paramref name="other"/>'s frame
    /// (ENU metres), e.g. a detection reported by a distant sensor in its own local frame.
    /// </summary>
    public EnuVector TransformFrom(LocalTangentPlane other, EnuVector pointInOther)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ToEnu(other.ToEcef(pointInOther));
    }

    /// <summary>
    /// The direction in this frame of a displacement or direction given in <paramref name="other"/>'s
    /// ENU axes (rotation only, no translation), e.g. a distant sensor's line of sight or a velocity.
    /// Lengths are preserved.
    /// </summary>
    public EnuVector TransformDirectionFrom(LocalTangentPlane other, EnuVector directionInOther)
    {
        ArgumentNullException.ThrowIfNull(other);
        return RotateFromEcef(other.RotateToEcef(directionInOther));
    }

    /// <summary>
    /// The rotation matrix R (dimensionless, row-major, rows and columns ordered east, north, up) that
    /// takes a direction in <paramref name="other"/>'s ENU axes to this frame's: v_this = R · v_other.
    /// Rotate a covariance with R · C · Rᵀ.
    /// </summary>
    public Matrix3x3 RotationFrom(LocalTangentPlane other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var east = TransformDirectionFrom(other, new EnuVector(1, 0, 0));
        var north = TransformDirectionFrom(other, new EnuVector(0, 1, 0));
        var up = TransformDirectionFrom(other, new EnuVector(0, 0, 1));
        return new Matrix3x3(
            east.EastMeters, north.EastMeters, up.EastMeters,
            east.NorthMeters, north.NorthMeters, up.NorthMeters,
            east.UpMeters, north.UpMeters, up.UpMeters);
    }
}

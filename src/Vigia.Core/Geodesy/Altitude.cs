namespace Vigia.Core.Geodesy;

/// <summary>An altitude in metres together with the vertical datum it is measured from.</summary>
/// <remarks>Thread-safety: immutable value type, safe to share.</remarks>
/// <param name="Meters">The altitude, metres, positive up, relative to <paramref name="Datum"/>.</param>
/// <param name="Datum">What the altitude is measured from.</param>
public readonly record struct Altitude(double Meters, VerticalDatum Datum)
{
    /// <summary>A geometric height above the WGS-84 ellipsoid, metres.</summary>
    public static Altitude AboveEllipsoid(double meters) => new(meters, VerticalDatum.Wgs84Ellipsoid);

    /// <summary>An orthometric height above mean sea level (the geoid), metres.</summary>
    public static Altitude AboveMeanSeaLevel(double meters) => new(meters, VerticalDatum.MeanSeaLevel);

    /// <summary>A pressure altitude (standard atmosphere), metres.</summary>
    public static Altitude Barometric(double meters) => new(meters, VerticalDatum.Barometric);
}

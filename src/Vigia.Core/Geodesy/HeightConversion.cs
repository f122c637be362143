namespace Vigia.Core.Geodesy;

/// <summary>
/// Converts altitudes of any <see cref="VerticalDatum"/> to height above the WGS-84 ellipsoid, the
/// height a <see cref="GeoPosition"/> holds, or says why it cannot.
/// </summary>
/// <remarks>Thread-safety: stateless; safe to call from any thread (given a thread-safe geoid model).</remarks>
public static class HeightConversion
{
    /// <summary>Reason given when a mean-sea-level altitude comes without a geoid model.</summary>
    public const string NeedsGeoidReason = "mean-sea-level altitude needs a geoid model";

    /// <summary>Reason given for a barometric altitude.</summary>
    public const string BarometricReason = "barometric altitude is pressure altitude, not a geometric height; keep it in its own field";

    /// <summary>
    /// Converts <paramref name="altitude"/> at a WGS-84 latitude and longitude (degrees) to height above
    /// the WGS-84 ellipsoid (metres): an ellipsoidal height as it is, a mean-sea-level height plus the
    /// geoid undulation (h = H + N). A barometric altitude is never converted. Never throws for bad data.
    /// </summary>
    /// <param name="latitudeDegrees">WGS-84 latitude, degrees, [-90, 90].</param>
    /// <param name="longitudeDegrees">WGS-84 longitude, degrees.</param>
    /// <param name="altitude">The altitude and its datum.</param>
    /// <param name="geoid">The geoid model; needed only for <see cref="VerticalDatum.MeanSeaLevel"/>.</param>
    /// <param name="heightAboveEllipsoidMeters">The height above the WGS-84 ellipsoid, metres; NaN when false is returned.</param>
    /// <param name="reason">Null on success, else why the altitude could not be converted.</param>
    /// <returns>True if converted.</returns>
    public static bool TryToEllipsoidal(
        double latitudeDegrees,
        double longitudeDegrees,
        Altitude altitude,
        IGeoidModel? geoid,
        out double heightAboveEllipsoidMeters,
        out string? reason)
    {
        heightAboveEllipsoidMeters = double.NaN;
        if (!double.IsFinite(altitude.Meters))
        {
            reason = "altitude is not a finite number";
            return false;
        }

        switch (altitude.Datum)
        {
            case VerticalDatum.Wgs84Ellipsoid:
                heightAboveEllipsoidMeters = altitude.Meters;
                reason = null;
                return true;
            case VerticalDatum.MeanSeaLevel when geoid is null:
                reason = NeedsGeoidReason;
                return false;
            case VerticalDatum.MeanSeaLevel:
                if (!(Math.Abs(latitudeDegrees) <= 90.0) || !double.IsFinite(longitudeDegrees))
                {
                    reason = "latitude or longitude out of range for a geoid look-up";
                    return false;
                }

                var undulation = geoid.GeoidUndulationMeters(latitudeDegrees, longitudeDegrees);
                if (!double.IsFinite(undulation))
                {
                    reason = "geoid model gave no finite undulation here";
                    return false;
                }

                heightAboveEllipsoidMeters = altitude.Meters + undulation;
                reason = null;
                return true;
            case VerticalDatum.Barometric:
                reason = BarometricReason;
                return false;
            default:
                reason = "unknown vertical datum";
                return false;
        }
    }

    /// <summary>
    /// Builds a <see cref="GeoPosition"/> (WGS-84 degrees, metres above the ellipsoid) from a latitude,
    /// longitude and an altitude of any datum, as <see cref="TryToEllipsoidal"/> does; never throws for bad data.
    /// </summary>
    /// <param name="latitudeDegrees">WGS-84 latitude, degrees, [-90, 90].</param>
    /// <param name="longitudeDegrees">WGS-84 longitude, degrees.</param>
    /// <param name="altitude">The altitude and its datum.</param>
    /// <param name="geoid">The geoid model; needed only for <see cref="VerticalDatum.MeanSeaLevel"/>.</param>
    /// <param name="position">The position; default when false is returned.</param>
    /// <param name="reason">Null on success, else why the altitude could not be converted.</param>
    /// <returns>True if converted.</returns>
    public static bool TryToGeoPosition(
        double latitudeDegrees,
        double longitudeDegrees,
        Altitude altitude,
        IGeoidModel? geoid,
        out GeoPosition position,
        out string? reason)
    {
        if (TryToEllipsoidal(latitudeDegrees, longitudeDegrees, altitude, geoid, out var height, out reason))
        {
            position = new GeoPosition(latitudeDegrees, longitudeDegrees, height);
            return true;
        }

        position = default;
        return false;
    }
}

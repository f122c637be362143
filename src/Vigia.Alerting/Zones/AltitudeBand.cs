using Vigia.Core.Geodesy;

namespace Vigia.Alerting.Zones;

/// <summary>
/// The vertical extent of a zone: floor and ceiling in metres above <see cref="Reference"/>. Floor is
/// strictly below ceiling; both finite.
/// </summary>
public sealed record AltitudeBand
{
    /// <summary>Validates and builds a band; throws <see cref="ZoneValidationException"/> naming the field.</summary>
    public AltitudeBand(double floorMeters, double ceilingMeters, ZoneHeightReference reference)
    {
        if (!double.IsFinite(floorMeters))
        {
            throw new ZoneValidationException("floor_m", "must be a finite number of metres");
        }

        if (!double.IsFinite(ceilingMeters))
        {
            throw new ZoneValidationException("ceiling_m", "must be a finite number of metres");
        }

        if (floorMeters >= ceilingMeters)
        {
            throw new ZoneValidationException("floor_m", $"floor {floorMeters} m must be below ceiling_m {ceilingMeters} m");
        }

        if (!Enum.IsDefined(reference))
        {
            throw new ZoneValidationException("height_ref", "unknown height reference");
        }

        FloorMeters = floorMeters;
        CeilingMeters = ceilingMeters;
        Reference = reference;
    }

    /// <summary>Bottom of the band, metres above <see cref="Reference"/>.</summary>
    public double FloorMeters { get; }

    /// <summary>Top of the band, metres above <see cref="Reference"/>.</summary>
    public double CeilingMeters { get; }

    /// <summary>The surface the band is measured from.</summary>
    public ZoneHeightReference Reference { get; }

    /// <summary>
    /// Whether <paramref name="position"/>'s height lies within the band (floor and ceiling inclusive).
    /// Mean-sea-level bands convert through Core's <see cref="HeightConversion"/> and need
    /// <paramref name="geoid"/>; above-ground bands need <paramref name="groundHeightAboveEllipsoidMeters"/>.
    /// Returns false with a reason when the comparison cannot be made.
    /// </summary>
    public bool TryContainsHeight(
        GeoPosition position,
        IGeoidModel? geoid,
        double? groundHeightAboveEllipsoidMeters,
        out bool inside,
        out string? reason)
    {
        inside = false;
        double floor, ceiling;
        switch (Reference)
        {
            case ZoneHeightReference.Ellipsoid:
                (floor, ceiling) = (FloorMeters, CeilingMeters);
                break;
            case ZoneHeightReference.MeanSeaLevel:
                var (lat, lon) = (position.LatitudeDegrees, position.LongitudeDegrees);
                if (!HeightConversion.TryToEllipsoidal(lat, lon, Altitude.AboveMeanSeaLevel(FloorMeters), geoid, out floor, out reason)
                    || !HeightConversion.TryToEllipsoidal(lat, lon, Altitude.AboveMeanSeaLevel(CeilingMeters), geoid, out ceiling, out reason))
                {
                    return false;
                }

                break;
            default:
                if (groundHeightAboveEllipsoidMeters is not { } ground || !double.IsFinite(ground))
                {
                    reason = "an above-ground band needs the ground height under the position";
                    return false;
                }

                (floor, ceiling) = (ground + FloorMeters, ground + CeilingMeters);
                break;
        }

        var height = position.HeightAboveEllipsoidMeters;
        if (!double.IsFinite(height))
        {
            reason = "position height is not a finite number";
            return false;
        }

        inside = height >= floor && height <= ceiling;
        reason = null;
        return true;
    }
}

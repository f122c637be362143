using Vigia.Alerting.Zones;
using Vigia.Core.Geodesy;

namespace Vigia.Alerting.Rules;

/// <summary>
/// A zone with what its altitude band needs to be checked: the geoid (mean-sea-level bands) and the ground
/// height under it (above-ground bands). When a band cannot be checked, a track inside the outline counts as
/// inside the band — the safe side for a warning system.
/// </summary>
public sealed class ZoneContext
{
    /// <summary>Pairs a zone with its height references.</summary>
    public ZoneContext(ProtectedZone zone, IGeoidModel? geoid = null, double? groundHeightAboveEllipsoidMeters = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
        Geoid = geoid;
        GroundHeightAboveEllipsoidMeters = groundHeightAboveEllipsoidMeters;
    }

    /// <summary>The zone.</summary>
    public ProtectedZone Zone { get; }

    /// <summary>The geoid model for mean-sea-level bands, or null.</summary>
    public IGeoidModel? Geoid { get; }

    /// <summary>The ground height under the zone, metres above the ellipsoid, for above-ground bands, or null.</summary>
    public double? GroundHeightAboveEllipsoidMeters { get; }

    /// <summary>Whether the band can be checked at <paramref name="position"/>, and if so whether the height is within it.</summary>
    public bool TryContainsHeight(GeoPosition position, out bool withinBand) =>
        Zone.Band.TryContainsHeight(position, Geoid, GroundHeightAboveEllipsoidMeters, out withinBand, out _);
}

namespace Vigia.Alerting.Zones;

/// <summary>What a protected zone protects. Written in GeoJSON as the lower-case member name.</summary>
public enum ZoneKind
{
    /// <summary>A village or other built-up locality.</summary>
    Village = 0,

    /// <summary>A school.</summary>
    School = 1,

    /// <summary>A clinic or hospital.</summary>
    Clinic = 2,

    /// <summary>A plant: power, water or industrial.</summary>
    Plant = 3,

    /// <summary>A prison.</summary>
    Prison = 4,

    /// <summary>A stadium or other crowd venue.</summary>
    Stadium = 5,

    /// <summary>Anything else.</summary>
    Other = 6,
}

namespace Vigia.Alerting.Rules;

/// <summary>Where a track stands relative to one zone, geometry only (no identity), worst last.</summary>
public enum ZoneRelation
{
    /// <summary>Not near.</summary>
    None = 0,

    /// <summary>Within the watch buffer.</summary>
    InBuffer = 1,

    /// <summary>Predicted to enter within the warning horizon, or over the zone outside its altitude band.</summary>
    Approaching = 2,

    /// <summary>Inside the outline and the altitude band.</summary>
    Inside = 3,
}

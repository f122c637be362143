namespace Vigia.Alerting.Zones;

/// <summary>
/// What <see cref="ZoneGeoJson.Read"/> assumes for properties a feature lacks, so outlines from other
/// sources (e.g. INEGI built-up areas with <c>cvegeo</c> and <c>name</c>) can be imported as zones. A null
/// default makes the property required.
/// </summary>
public sealed record ZoneImportDefaults
{
    /// <summary>The property holding the zone id (default <c>id</c>).</summary>
    public string IdProperty { get; init; } = "id";

    /// <summary>Kind for features without <c>kind</c>; null = required.</summary>
    public ZoneKind? Kind { get; init; }

    /// <summary>Band for features without <c>floor_m</c>/<c>ceiling_m</c>/<c>height_ref</c>; null = required.</summary>
    public AltitudeBand? Band { get; init; }
}

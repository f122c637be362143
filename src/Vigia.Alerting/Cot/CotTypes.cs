namespace Vigia.Alerting.Cot;

/// <summary>
/// The CoT event types Vigía sends, from MITRE's CoTtypes.xml (the MIL-STD-2525 atom tree) and ATAK's
/// emergency conventions.
/// </summary>
public static class CotTypes
{
    /// <summary>Atom, unknown, air, military, rotary wing, drone (RPV/UAV): "Air/Mil/Rotor/Drone,RPV,UAV".</summary>
    public const string RotaryWingDrone = "a-u-A-M-H-Q";

    /// <summary>Atom, unknown, air, military, fixed wing, drone (RPV/UAV): "Air/Mil/Fixed/Drone,RPV,UAV".</summary>
    public const string FixedWingDrone = "a-u-A-M-F-Q";

    /// <summary>Atom, unknown, ground: the drone's operator (pilot) as Remote ID reports them.</summary>
    public const string Operator = "a-u-G";

    /// <summary>
    /// ATAK's "Geo-fence Breached" alert (bits, alarm, geofence), carried with
    /// <c>&lt;emergency type="Geo-fence Breached"&gt;</c>; TAK Server's emergency repeater knows it.
    /// </summary>
    public const string GeofenceBreach = "b-a-g";

    /// <summary>ATAK's emergency cancel, carried with <c>&lt;emergency cancel="true"&gt;</c> and the alert's uid.</summary>
    public const string EmergencyCancel = "b-a-o-can";

    /// <summary>ATAK's drawn freeform shape (user, drawing, freeform): a closed polygon given by <c>&lt;link point&gt;</c> vertices.</summary>
    public const string DrawnPolygon = "u-d-f";

    /// <summary>ATAK's drawn circle (user, drawing, circle), its radius in <c>&lt;shape&gt;&lt;ellipse&gt;</c>.</summary>
    public const string DrawnCircle = "u-d-c-c";

    /// <summary>The delete task (tasking, delete): removes the item named by its <c>&lt;link uid&gt;</c>.</summary>
    public const string Delete = "t-x-d-d";

    /// <summary>The <c>emergency</c> detail's type for a geofence breach.</summary>
    public const string GeofenceBreachEmergency = "Geo-fence Breached";

    /// <summary>
    /// The drone type for an affiliation and a Remote ID aircraft type: fixed wing (<c>F</c>) when the
    /// broadcast says <c>Aeroplane</c>, otherwise rotary wing (<c>H</c>), the common small drone. Only
    /// <c>u</c> and <c>n</c> can come out: never friend, never hostile.
    /// </summary>
    public static string Drone(CotAffiliation affiliation, string? aircraftType)
    {
        var type = string.Equals(aircraftType, "Aeroplane", StringComparison.OrdinalIgnoreCase) ? FixedWingDrone : RotaryWingDrone;
        return WithAffiliation(type, affiliation);
    }

    /// <summary>The operator type with the drone's affiliation (<c>a-u-G</c>, or <c>a-n-G</c> for an allow-listed drone's pilot).</summary>
    public static string OperatorOf(CotAffiliation affiliation) => WithAffiliation(Operator, affiliation);

    private static string WithAffiliation(string unknownType, CotAffiliation affiliation) => affiliation switch
    {
        CotAffiliation.Unknown => unknownType,
        CotAffiliation.Neutral => "a-n-" + unknownType[4..],
        _ => throw new ArgumentOutOfRangeException(nameof(affiliation), affiliation, "only unknown and neutral are ever sent"),
    };
}

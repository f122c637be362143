namespace Vigia.Core.Observations;

/// <summary>
/// What a sensor says an object is, how sure it is, and on what evidence. A track keeps the best it has
/// been given (<see cref="IsBetterThan"/>).
/// </summary>
/// <param name="Class">The class.</param>
/// <param name="Source">The kind of evidence.</param>
/// <param name="Confidence">0…1 (1 for a broadcast identity).</param>
/// <param name="Label">The sensor's own words (a SAPIENT class name, an ADS-B callsign), or null.</param>
/// <param name="Sensor">The sensor that gave it, or null before it is bound to one.</param>
/// <remarks>Thread-safety: immutable.</remarks>
public sealed record Classification(ObjectClass Class, EvidenceSource Source, double Confidence, string? Label = null, SensorId? Sensor = null)
{
    /// <summary>
    /// True when this evidence should replace <paramref name="other"/>: a stronger source wins; within one
    /// source, a higher confidence, or another class at least as confident (the sensor changed its mind).
    /// The same class at the same confidence changes nothing (so repeated evidence costs nothing).
    /// </summary>
    public bool IsBetterThan(Classification? other) =>
        other is null
        || Source > other.Source
        || (Source == other.Source && (Confidence > other.Confidence || (Class != other.Class && Confidence >= other.Confidence)));

    /// <summary>The wire name of a class (<c>uav_rotary_wing</c>).</summary>
    public static string ClassName(ObjectClass value) => value switch
    {
        ObjectClass.Uav => "uav",
        ObjectClass.UavRotaryWing => "uav_rotary_wing",
        ObjectClass.UavFixedWing => "uav_fixed_wing",
        ObjectClass.MannedAircraft => "manned_aircraft",
        ObjectClass.Bird => "bird",
        ObjectClass.GroundVehicle => "ground_vehicle",
        ObjectClass.Person => "person",
        ObjectClass.Other => "other",
        _ => "unknown",
    };

    /// <summary>The class a wire name stands for, or false.</summary>
    public static bool TryParseClass(string? name, out ObjectClass value)
    {
        foreach (var candidate in Enum.GetValues<ObjectClass>())
        {
            if (ClassName(candidate) == name)
            {
                value = candidate;
                return true;
            }
        }

        value = ObjectClass.Unknown;
        return false;
    }

    /// <summary>The wire name of a source (<c>radar</c>, <c>sapient</c>, <c>remote_id</c>, <c>adsb</c>).</summary>
    public static string SourceName(EvidenceSource value) => value switch
    {
        EvidenceSource.Sapient => "sapient",
        EvidenceSource.RemoteId => "remote_id",
        EvidenceSource.Adsb => "adsb",
        _ => "radar",
    };

    /// <summary>The source a wire name stands for, or false.</summary>
    public static bool TryParseSource(string? name, out EvidenceSource value)
    {
        foreach (var candidate in Enum.GetValues<EvidenceSource>())
        {
            if (SourceName(candidate) == name)
            {
                value = candidate;
                return true;
            }
        }

        value = EvidenceSource.Radar;
        return false;
    }
}

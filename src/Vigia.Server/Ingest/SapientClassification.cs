using Vigia.Core.Observations;
using Vigia.Sensors.Sapient;

namespace Vigia.Server.Ingest;

/// <summary>
/// The Core classification a SAPIENT detection's class tree implies: the deepest class Vigía recognises
/// (BSI Flex 335 taxonomy names such as "UAV Rotary Wing" under "Air Vehicle"), with that class's confidence.
/// </summary>
public static class SapientClassification
{
    /// <summary>The classification, or null when no class is recognised.</summary>
    public static Classification? Of(SapientDetection detection)
    {
        ArgumentNullException.ThrowIfNull(detection);
        Classification? best = null;
        var bestLevel = -1;
        foreach (var c in detection.Classes)
        {
            if (ClassOf(c.Type) is { } objectClass && c.Level > bestLevel)
            {
                best = new Classification(objectClass, EvidenceSource.Sapient, Math.Clamp(c.Confidence ?? detection.DetectionConfidence ?? 0.5, 0, 1), c.Type, detection.Sensor);
                bestLevel = c.Level;
            }
        }

        return best;
    }

    /// <summary>The class a SAPIENT class name stands for, or null.</summary>
    public static ObjectClass? ClassOf(string type)
    {
        var t = type.ToUpperInvariant();
        if (t.Contains("UAV", StringComparison.Ordinal) || t.Contains("DRONE", StringComparison.Ordinal) || t.Contains("UNMANNED", StringComparison.Ordinal))
        {
            return t.Contains("ROTARY", StringComparison.Ordinal) || t.Contains("MULTI", StringComparison.Ordinal) ? ObjectClass.UavRotaryWing
                : t.Contains("FIXED", StringComparison.Ordinal) ? ObjectClass.UavFixedWing
                : ObjectClass.Uav;
        }

        return t switch
        {
            _ when t.Contains("MANNED", StringComparison.Ordinal) || t.Contains("AIRCRAFT", StringComparison.Ordinal) || t.Contains("HELICOPTER", StringComparison.Ordinal) => ObjectClass.MannedAircraft,
            _ when t.Contains("BIRD", StringComparison.Ordinal) => ObjectClass.Bird,
            _ when t.Contains("HUMAN", StringComparison.Ordinal) || t.Contains("PERSON", StringComparison.Ordinal) => ObjectClass.Person,
            _ when t.Contains("LAND", StringComparison.Ordinal) || t.Contains("GROUND", StringComparison.Ordinal) || t.Contains("CAR", StringComparison.Ordinal) || t.Contains("TRUCK", StringComparison.Ordinal) => ObjectClass.GroundVehicle,
            _ => null,
        };
    }
}

using Vigia.Core.Observations;

namespace Vigia.Sensors.Sapient;

/// <summary>
/// A DetectionReport turned into a tracker <see cref="Observation"/>, with what Core's Observation has no place for
/// yet: the node's object (track) ID and the classification.
/// </summary>
public sealed record SapientDetection : SapientEvent
{
    /// <summary>The observation: a geodetic position, or a range/bearing measurement from the node in the picture frame.</summary>
    public required Observation Observation { get; init; }

    /// <summary>The report's report_id (ULID).</summary>
    public required string ReportId { get; init; }

    /// <summary>The node's object_id (ULID): its own identity for the object across reports; not a broadcast identity.</summary>
    public required string ObjectId { get; init; }

    /// <summary>The report's detection_confidence (0..1), or null.</summary>
    public double? DetectionConfidence { get; init; }

    /// <summary>Every class of the classification, depth first (top-level classes and their sub-classes).</summary>
    public IReadOnlyList<SapientClass> Classes { get; init; } = [];

    /// <summary>The class named <paramref name="type"/> (ordinal, case-insensitive), or null.</summary>
    public SapientClass? FindClass(string type)
    {
        foreach (var c in Classes)
        {
            if (string.Equals(c.Type, type, StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }

        return null;
    }
}

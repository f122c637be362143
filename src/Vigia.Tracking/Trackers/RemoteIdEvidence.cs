using Vigia.Core.Observations;

namespace Vigia.Tracking.Trackers;

/// <summary>
/// The classification a Remote ID broadcast implies when the observation carries none of its own: a UAS ID
/// with its self-description's aircraft type (ASTM F3411 UA type) says "drone", rotary or fixed wing. Shared
/// instances, so tracking allocates nothing for it.
/// </summary>
internal static class RemoteIdEvidence
{
    private static readonly Classification Drone = new(ObjectClass.Uav, EvidenceSource.RemoteId, 1.0, "Remote ID");
    private static readonly Classification Rotary = new(ObjectClass.UavRotaryWing, EvidenceSource.RemoteId, 1.0, "Remote ID");
    private static readonly Classification FixedWing = new(ObjectClass.UavFixedWing, EvidenceSource.RemoteId, 1.0, "Remote ID");

    /// <summary>The implied classification, or null when the observation carries no UAS ID.</summary>
    public static Classification? Of(Observation observation)
    {
        if (observation.UasId is null)
        {
            return null;
        }

        return observation.Identity?.AircraftType switch
        {
            "HelicopterOrMultirotor" or "Gyroplane" => Rotary,
            "Aeroplane" or "HybridLift" => FixedWing,
            _ => Drone,
        };
    }
}

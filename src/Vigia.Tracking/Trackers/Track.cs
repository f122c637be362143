using Vigia.Core.Time;
using Vigia.Core.Tracks;
using Vigia.Tracking.Filters;

namespace Vigia.Tracking.Trackers;

/// <summary>
/// One track's internal state: the filter state, life-cycle bookkeeping and identity. Fixed
/// size (no history), so memory per track is bounded.
/// </summary>
internal sealed class Track(int modelCount)
{
    public long Id { get; set; }

    public ImmState State { get; } = new(modelCount);

    /// <summary>The time the filter state is for.</summary>
    public Timestamp Time { get; set; }

    public Timestamp FirstSeen { get; set; }

    public Timestamp LastUpdate { get; set; }

    /// <summary>Last time a sensor with known coverage scanned while the track was outside its coverage.</summary>
    public Timestamp LastUnobservable { get; set; }

    /// <summary>The instant from which the track's silence counts: its last update, or later if it was out of coverage since.</summary>
    public Timestamp SilentSince => LastUnobservable > LastUpdate ? LastUnobservable : LastUpdate;

    public TrackStatus Status { get; set; }

    public string? UasId { get; set; }

    /// <summary>The operator position reported with the identity (never fused into the state).</summary>
    public Vigia.Core.Geodesy.GeoPosition? OperatorPosition { get; set; }

    /// <summary>The latest self-description broadcast with the identity (never fused into the state).</summary>
    public Vigia.Core.Observations.BroadcastIdentity? Identity { get; set; }

    /// <summary>The best classification evidence so far (see <see cref="Vigia.Core.Observations.Classification.IsBetterThan"/>), or null.</summary>
    public Vigia.Core.Observations.Classification? Classification { get; set; }

    /// <summary>
    /// Sensors that updated the track, most recent last, at most <see cref="MaxSensors"/>. Replaced (never
    /// mutated) when a sensor is added or moves to the end, so snapshots can share it; the common case (the
    /// same sensor as last time) allocates nothing.
    /// </summary>
    public Vigia.Core.Observations.SensorId[] Sensors { get; set; } = [];

    /// <summary>Most sensors remembered per track.</summary>
    public const int MaxSensors = 8;

    /// <summary>Takes the side information of an observation that updated the track: operator position, self-description, sensor.</summary>
    public void Absorb(Vigia.Core.Observations.Observation observation)
    {
        OperatorPosition = observation.OperatorPosition ?? OperatorPosition;
        Identity = observation.Identity ?? Identity;
        if ((observation.Classification ?? RemoteIdEvidence.Of(observation)) is { } classification && classification.IsBetterThan(Classification))
        {
            Classification = classification;
        }

        var sensors = Sensors;
        if (sensors.Length == 0 || sensors[^1] != observation.Sensor)
        {
            // In its own method: a lambda capturing the parameter here would allocate its closure on every call.
            Sensors = MoveToEnd(sensors, observation.Sensor);
        }
    }

    private static Vigia.Core.Observations.SensorId[] MoveToEnd(Vigia.Core.Observations.SensorId[] sensors, Vigia.Core.Observations.SensorId sensor)
    {
        var kept = sensors.Where(s => s != sensor).ToList();
        kept.Add(sensor);
        return [.. kept.Skip(Math.Max(0, kept.Count - MaxSensors))];
    }

    /// <summary>Takes over another track's side information when the two are merged into this one.</summary>
    public void Inherit(Track other)
    {
        OperatorPosition = other.OperatorPosition ?? OperatorPosition;
        Identity = other.Identity ?? Identity;
        if (other.Classification is { } classification && classification.IsBetterThan(Classification))
        {
            Classification = classification;
        }

        var merged = Sensors.Where(s => Array.IndexOf(other.Sensors, s) < 0).Concat(other.Sensors).ToList();
        Sensors = [.. merged.Skip(Math.Max(0, merged.Count - MaxSensors))];
    }

    public int Hits { get; set; }

    /// <summary>Track score: summed log-likelihood ratio of target versus clutter over its hits, nats.</summary>
    public double Score { get; set; }

    /// <summary>The tracker's count of Remote ID scans when the track was born (see <see cref="MultiTargetTracker"/>'s identity rules).</summary>
    public long IdentityScansAtBirth { get; set; }

    /// <summary>
    /// An older track without identity whose place this track's first identity report could have taken
    /// (it was held back as non-cooperative); the two merge if they prove to be one drone.
    /// </summary>
    public Track? Shadow { get; set; }

    /// <summary>The number <see cref="Shadow"/> had when recorded (tracks are pooled: a reused object gets a new number).</summary>
    public long ShadowId { get; set; }

    /// <summary>Plots in a row this track took inside <see cref="Shadow"/>'s gate while the shadow got none.</summary>
    public int ShadowAgreements { get; set; }

    /// <summary><see cref="Shadow"/>'s last update when the agreements were last checked.</summary>
    public Timestamp ShadowCheckedUpdate { get; set; }

    /// <summary>Set when the track is deleted, so its slot can be compacted away.</summary>
    public bool Deleted { get; set; }

    /// <summary>Position in the tracker's track list during the current scan.</summary>
    public int Index { get; set; }
}

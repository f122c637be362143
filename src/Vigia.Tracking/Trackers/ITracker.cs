using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Core.Tracks;

namespace Vigia.Tracking.Trackers;

/// <summary>A multi-target tracker driven scan by scan.</summary>
/// <remarks>Not thread-safe: one loop owns a tracker and calls it in time order.</remarks>
public interface ITracker
{
    /// <summary>
    /// Processes the observations of one instant (one scan of one or more sensors; observations
    /// with different sensor times are processed in time order). Observations older than the
    /// tracker's current time are rejected as <see cref="ObservationFault.OutOfOrder"/>.
    /// </summary>
    TrackerStepResult Step(Timestamp time, ReadOnlySpan<Observation> observations);

    /// <summary>
    /// Processes one complete scan of one sensor, which may be empty: unlike <see cref="Step(Timestamp, ReadOnlySpan{Observation})"/>
    /// it says which sensor looked, so an empty scan still counts as a look (tracks outside the
    /// sensor's coverage are not held to it). Every observation must come from <paramref name="sensor"/>.
    /// </summary>
    TrackerStepResult Step(Timestamp time, SensorId sensor, ReadOnlySpan<Observation> observations);

    /// <summary>
    /// Appends the tracks an operator should see at <paramref name="time"/> (≥ the last step's time),
    /// predicted to that time: confirmed tracks updated within the display coast time.
    /// </summary>
    void GetDisplayedTracks(Timestamp time, ICollection<TrackSnapshot> into);
}

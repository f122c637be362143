namespace Vigia.Tracking.Trackers;

/// <summary>What one tracker step did (counts).</summary>
/// <param name="Used">Observations that updated a track or started one.</param>
/// <param name="Rejected">Observations rejected as faulty (see <see cref="MultiTargetTracker.Faults"/>).</param>
/// <param name="Unused">Valid observations that neither updated nor started a track (e.g. bearings with no track).</param>
public readonly record struct TrackerStepResult(int Used, int Rejected, int Unused);

namespace Vigia.Tracking.Trackers;

/// <summary>
/// What the tracker assumes about one sensor: its probability of detecting a target in view and
/// the spatial density of its false detections in measurement space (per unit of the measurement's
/// values: per m·rad² for a radar's range/azimuth/elevation, per m³ for positions, per rad for bearings).
/// </summary>
/// <param name="DetectionProbability">Probability of detection, (0, 1].</param>
/// <param name="ClutterDensity">False detections per scan per unit measurement volume (&gt; 0).</param>
/// <param name="Coverage">The volume the sensor sees, if known; null means it is not used to judge silence.</param>
public sealed record SensorModel(double DetectionProbability, double ClutterDensity, SensorCoverage? Coverage = null);

namespace Vigia.Scenarios.Simulation;

/// <summary>What one simulation wrote.</summary>
/// <param name="Scans">Scans of all sensors, empty ones included.</param>
/// <param name="RadarDetections">Radar detections, clutter included.</param>
/// <param name="ClutterDetections">Radar detections with no truth (clutter).</param>
/// <param name="RemoteIdReports">Remote ID reports received.</param>
/// <param name="TruthTargets">Targets born (truth objects written).</param>
public sealed record SimulationSummary(long Scans, long RadarDetections, long ClutterDetections, long RemoteIdReports, int TruthTargets);

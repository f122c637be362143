namespace Vigia.Scenarios.Evaluation;

/// <summary>An assigned truth-track pair of one step.</summary>
/// <param name="TruthIndex">Index into the truth positions passed to <see cref="GospaMetric.Evaluate"/>.</param>
/// <param name="TrackIndex">Index into the track positions.</param>
/// <param name="DistanceMeters">Euclidean 3-D distance, metres (below the cut-off).</param>
public readonly record struct GospaPair(int TruthIndex, int TrackIndex, double DistanceMeters);

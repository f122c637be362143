namespace Vigia.Scenarios.Evaluation;

/// <summary>The GOSPA score of one time step.</summary>
/// <param name="Value">GOSPA, metres.</param>
/// <param name="Assigned">Truth-track pairs closer than the cut-off in the optimal assignment.</param>
/// <param name="Missed">Truths not assigned.</param>
/// <param name="False">Tracks not assigned.</param>
public sealed record GospaResult(double Value, IReadOnlyList<GospaPair> Assigned, int Missed, int False);

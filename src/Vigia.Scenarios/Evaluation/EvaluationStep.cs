namespace Vigia.Scenarios.Evaluation;

/// <summary>The score at one scored time.</summary>
/// <param name="T">Radar scan time, seconds after the scenario epoch.</param>
/// <param name="Gospa">GOSPA (p = 2), metres.</param>
/// <param name="Missed">Missed truths.</param>
/// <param name="False">False tracks.</param>
public sealed record EvaluationStep(double T, double Gospa, int Missed, int False);

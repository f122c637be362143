using Vigia.Core.Observations;

namespace Vigia.Scenarios.Format;

/// <summary>
/// One scan of one sensor: its time and the detections that passed validation, as tracker-ready
/// observations (truth ids are never carried into observations).
/// </summary>
/// <param name="TimeSeconds">Scan time, seconds after the scenario epoch.</param>
/// <param name="Sensor">The scanning sensor.</param>
/// <param name="Observations">Valid detections; skipped ones are counted by the reader.</param>
public sealed record ScenarioScan(double TimeSeconds, SensorId Sensor, IReadOnlyList<Observation> Observations);

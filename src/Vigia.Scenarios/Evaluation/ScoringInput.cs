using Vigia.Scenarios.Format;

namespace Vigia.Scenarios.Evaluation;

/// <summary>
/// What <see cref="ScenarioScorer"/> needs from a scenario: its truth and the times to score at (every
/// radar scan time, in order, empty scans included).
/// </summary>
/// <param name="Truths">Truth targets, states sampled at the radar scan times.</param>
/// <param name="ScoredTimes">Distinct radar scan times, seconds after the epoch, increasing.</param>
public sealed record ScoringInput(IReadOnlyList<TruthTrack> Truths, IReadOnlyList<double> ScoredTimes)
{
    /// <summary>Reads the truth and radar scan times of a <c>cuas-scenario/1</c> file.</summary>
    /// <param name="scenarioPath">The scenario file.</param>
    /// <exception cref="ScenarioFormatException">The file is not a valid scenario.</exception>
    public static ScoringInput FromScenarioFile(string scenarioPath)
    {
        using var reader = ScenarioReader.Open(scenarioPath);
        var radars = reader.Header.RadarSensors;
        var times = new SortedSet<double>();
        foreach (var scan in reader.ReadScans())
        {
            if (radars.Contains(scan.Sensor))
            {
                times.Add(scan.TimeSeconds);
            }
        }

        return new ScoringInput(reader.ReadTruth(), [.. times]);
    }
}

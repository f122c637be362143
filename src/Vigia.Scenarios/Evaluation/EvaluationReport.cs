namespace Vigia.Scenarios.Evaluation;

/// <summary>
/// Scores of one tracker run on one scenario, as defined in <c>docs/tracking-formats.md</c>, "Scoring".
/// Distances are metres, times seconds. Produced by <see cref="ScenarioScorer"/>; serialised by
/// <see cref="EvaluationReportJson"/> and rendered by <see cref="EvaluationReportText"/>.
/// </summary>
public sealed record EvaluationReport
{
    /// <summary>GOSPA cut-off c used, metres.</summary>
    public required double CutoffMeters { get; init; }

    /// <summary>Number of scored time steps (the scenario's radar scan times).</summary>
    public required int Steps { get; init; }

    /// <summary>Mean over the scored steps of GOSPA with p = 2 (<c>mean_gospa</c>).</summary>
    public required double MeanGospa { get; init; }

    /// <summary>Mean over the same steps of GOSPA with p = 1, from its own optimal assignment (<c>mean_gospa_p1</c>).</summary>
    public required double MeanGospaP1 { get; init; }

    /// <summary>
    /// Pooled localisation RMS: sqrt(Σ d² over every assigned pair of every step / number of those pairs),
    /// metres; null when no pair was ever assigned (<c>localisation_rms_m</c>).
    /// </summary>
    public required double? LocalisationRmsMeters { get; init; }

    /// <summary>Number of assigned pairs pooled into <see cref="LocalisationRmsMeters"/>.</summary>
    public required long AssignedPairs { get; init; }

    /// <summary>Mean number of missed truths per step (<c>mean_missed</c>).</summary>
    public required double MeanMissed { get; init; }

    /// <summary>Mean number of false tracks per step (<c>mean_false</c>).</summary>
    public required double MeanFalse { get; init; }

    /// <summary>
    /// Track switches: a truth assigned to a different track from the last one it was assigned to,
    /// remembered across gaps (<c>track_switches</c>).
    /// </summary>
    public required int TrackSwitches { get; init; }

    /// <summary>
    /// Mean over truths ever assigned of (first assigned step time − first sampled truth state time),
    /// seconds; null if no truth was ever assigned (<c>mean_time_to_first_track_s</c>).
    /// </summary>
    public required double? MeanTimeToFirstTrackSeconds { get; init; }

    /// <summary>Truths that were ever assigned (the population of <see cref="MeanTimeToFirstTrackSeconds"/>).</summary>
    public required int TruthsEverAssigned { get; init; }

    /// <summary>Number of truth targets in the scenario.</summary>
    public required int Truths { get; init; }

    /// <summary>Mean number of confirmed tracks per step (<c>mean_confirmed</c>).</summary>
    public required double MeanConfirmed { get; init; }

    /// <summary>Largest number of confirmed tracks at one step (<c>max_confirmed</c>).</summary>
    public required int MaxConfirmed { get; init; }

    /// <summary>Distinct track ids in the file.</summary>
    public required int DistinctTracks { get; init; }

    /// <summary>
    /// Track ids never within c of any truth in an optimal (p = 2) assignment, counted
    /// (<c>tracks_never_assigned</c>).
    /// </summary>
    public required int TracksNeverAssigned { get; init; }

    /// <summary>Tracker loop time copied from the track file, seconds, if recorded (<c>loop_s</c>).</summary>
    public double? LoopSeconds { get; init; }

    /// <summary>Measurements processed, copied from the track file, if recorded.</summary>
    public long? Measurements { get; init; }

    /// <summary>Per-step scores in time order (<c>per_step</c>).</summary>
    public required IReadOnlyList<EvaluationStep> PerStep { get; init; }
}

namespace Vigia.Alerting.Rules;

/// <summary>
/// The threat rules' and alert lifecycle's settings, with documented defaults (README, "Threat rules").
/// Bound from configuration section <c>Vigia:Alerting</c>; <see cref="Validate"/> names a bad field.
/// </summary>
public sealed class ThreatRuleOptions
{
    /// <summary>Predicted entry within this many seconds raises a warning (default 120 s).</summary>
    public double WarningHorizonSeconds { get; set; } = 120;

    /// <summary>
    /// The prediction horizon for drones with a plausible Remote ID (default 60 s): a lawful flight passing a
    /// zone is not extrapolated as far as an unknown one (measured with <c>vigia eval --alerts</c>: at 120 s,
    /// cooperative traffic raised 3.6 advisories an hour; see docs/alerting-scenarios.md).
    /// </summary>
    public double CooperativeWarningHorizonSeconds { get; set; } = 60;

    /// <summary>Sampling step of the entry prediction, seconds (default 1 s).</summary>
    public double PredictionStepSeconds { get; set; } = 1;

    /// <summary>The prediction widens the track by this many horizontal position sigmas (default 2).</summary>
    public double PositionSigmas { get; set; } = 2;

    /// <summary>
    /// Assumed 1-sigma velocity uncertainty in m/s (default 2.5): the predicted position's margin grows by
    /// this times the look-ahead time, so a track heading just past a zone still warns.
    /// </summary>
    public double VelocitySigmaMetersPerSecond { get; set; } = 2.5;

    /// <summary>Largest margin the prediction adds, metres (default 300 m), so an old track cannot warn everything.</summary>
    public double MaxPredictionMarginMeters { get; set; } = 300;

    /// <summary>Tracks slower than this are not extrapolated (default 0.5 m/s).</summary>
    public double MinPredictionSpeedMetersPerSecond { get; set; } = 0.5;

    /// <summary>
    /// A track counts as inside a zone's outline when its estimate is within this many of its own horizontal
    /// position sigmas of it (default 1): a track's estimate lags and scatters around the drone, so waiting for
    /// the estimate itself to cross costs the alarm a second or two (measured with <c>vigia eval --alerts</c>,
    /// docs/alerting-scenarios.md). The margin is at most <see cref="HysteresisMeters"/>, so a coasting track
    /// with a wide uncertainty does not sound an alarm from afar. 0 = only an estimate inside the outline.
    /// </summary>
    public double InsideSigmas { get; set; } = 1;

    /// <summary>A condition, once met, holds until it is exceeded by this many metres (default 50 m).</summary>
    public double HysteresisMeters { get; set; } = 50;

    /// <summary>Inside a zone for this long below <see cref="LoiterSpeedMetersPerSecond"/> counts as loitering (default 20 s).</summary>
    public double LoiterSeconds { get; set; } = 20;

    /// <summary>Speed under which a track inside a zone is hovering or loitering (default 3 m/s).</summary>
    public double LoiterSpeedMetersPerSecond { get; set; } = 3;

    /// <summary>A track must have this many updates before it can raise anything (default 3): clutter rarely lasts.</summary>
    public int MinTrackUpdates { get; set; } = 3;

    /// <summary>A level, once reached, is held this long before it may drop (default 15 s).</summary>
    public double DeescalateAfterSeconds { get; set; } = 15;

    /// <summary>An alert clears only after its condition has been gone this long (default 60 s).</summary>
    public double ClearAfterSeconds { get; set; } = 60;

    /// <summary>Each alert version expires this long after it is made (default 300 s); active alerts are re-issued before that.</summary>
    public double ExpirySeconds { get; set; } = 300;

    /// <summary>Everything raised is an exercise (demo, replay, training): never issued as real.</summary>
    public bool Exercise { get; set; }

    /// <summary>Checks every field; throws <see cref="ArgumentException"/> naming the first bad one.</summary>
    public void Validate()
    {
        Positive(WarningHorizonSeconds, nameof(WarningHorizonSeconds), 3600);
        Positive(PredictionStepSeconds, nameof(PredictionStepSeconds), 60);
        Positive(CooperativeWarningHorizonSeconds, nameof(CooperativeWarningHorizonSeconds), 3600);
        NonNegative(PositionSigmas, nameof(PositionSigmas), 10);
        NonNegative(InsideSigmas, nameof(InsideSigmas), 5);
        NonNegative(VelocitySigmaMetersPerSecond, nameof(VelocitySigmaMetersPerSecond), 50);
        NonNegative(MaxPredictionMarginMeters, nameof(MaxPredictionMarginMeters), 10_000);
        NonNegative(MinPredictionSpeedMetersPerSecond, nameof(MinPredictionSpeedMetersPerSecond), 50);
        NonNegative(HysteresisMeters, nameof(HysteresisMeters), 5_000);
        NonNegative(LoiterSeconds, nameof(LoiterSeconds), 3600);
        NonNegative(LoiterSpeedMetersPerSecond, nameof(LoiterSpeedMetersPerSecond), 50);
        NonNegative(DeescalateAfterSeconds, nameof(DeescalateAfterSeconds), 3600);
        NonNegative(ClearAfterSeconds, nameof(ClearAfterSeconds), 3600);
        Positive(ExpirySeconds, nameof(ExpirySeconds), 86_400);
        if (MinTrackUpdates is < 1 or > 100)
        {
            throw new ArgumentException($"{nameof(MinTrackUpdates)}: must be within [1, 100], got {MinTrackUpdates}", nameof(MinTrackUpdates));
        }
    }

    private static void Positive(double value, string name, double max)
    {
        if (!(value > 0 && value <= max))
        {
            throw new ArgumentException($"{name}: must be within (0, {max}], got {value}", name);
        }
    }

    private static void NonNegative(double value, string name, double max)
    {
        if (!(value >= 0 && value <= max))
        {
            throw new ArgumentException($"{name}: must be within [0, {max}], got {value}", name);
        }
    }
}

namespace Vigia.Sensors.RemoteId;

/// <summary>Thresholds of the Remote ID plausibility checks, with documented defaults.</summary>
public sealed record PlausibilityOptions
{
    /// <summary>Fastest credible small-UAS speed, m/s (reported or implied by two positions). Default 100.</summary>
    public double MaximumSpeedMetersPerSecond { get; init; } = 100;

    /// <summary>Largest credible gap between a position's timestamp and its receive time, s. Default 10.</summary>
    public double MaximumClockOffsetSeconds { get; init; } = 10;

    /// <summary>Farthest credible operator–aircraft distance, m. Default 15 000.</summary>
    public double MaximumOperatorDistanceMeters { get; init; } = 15_000;

    /// <summary>Two senders of one UAS ID heard within this window count as simultaneous, s. Default 10.</summary>
    public double SeveralSendersWindowSeconds { get; init; } = 10;

    /// <summary>A UAS not heard for this long is forgotten (bounded memory), s. Default 300.</summary>
    public double ForgetAfterSeconds { get; init; } = 300;
}

namespace Vigia.Sensors.Radar;

/// <summary>One SDPS (tracker) sending CAT-062 system tracks and CAT-065 status: who it is on the wire and its default accuracy.</summary>
/// <remarks>Thread-safety: immutable.</remarks>
public sealed record SystemTrackSourceOptions
{
    /// <summary>The sensor id its observations carry, for example <c>sdps-1</c>. Required.</summary>
    public required string SensorId { get; init; }

    /// <summary>System Area Code of its I062/010 and I065/010. Required.</summary>
    public required byte Sac { get; init; }

    /// <summary>System Identification Code of its I062/010 and I065/010. Required.</summary>
    public required byte Sic { get; init; }

    /// <summary>1-sigma per horizontal axis when a track carries no I062/500 position accuracy, metres. Default 150.</summary>
    public double DefaultHorizontalSigmaMeters { get; init; } = 150;

    /// <summary>1-sigma of I062/130 geometric altitude when I062/500 gives no AGA, metres. Default 50.</summary>
    public double DefaultVerticalSigmaMeters { get; init; } = 50;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(SensorId);
        if (!(DefaultHorizontalSigmaMeters > 0) || !double.IsFinite(DefaultHorizontalSigmaMeters)
            || !(DefaultVerticalSigmaMeters > 0) || !double.IsFinite(DefaultVerticalSigmaMeters))
        {
            throw new ArgumentException($"track source {SensorId}: sigmas must be finite and positive");
        }
    }
}

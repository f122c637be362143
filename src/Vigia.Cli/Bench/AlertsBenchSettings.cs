namespace Vigia.Cli.Bench;

/// <summary>What <c>vigia bench alerts</c> was asked to measure.</summary>
internal sealed record AlertsBenchSettings
{
    /// <summary>Observations per request (the background targets' share of each batch).</summary>
    public const int Batch = 100;

    /// <summary>Seconds of load (intruders keep coming for all of it).</summary>
    public double Seconds { get; init; } = 30;

    /// <summary>Background observations per second; 100,000 / rate must be a whole number of milliseconds per batch.</summary>
    public int ObservationsPerSecond { get; init; } = 10_000;

    /// <summary>Time between two rounds of <c>/cap/{identifier}.xml</c> requests for each known alert's next version, milliseconds.</summary>
    public int CapPollMilliseconds { get; init; } = 500;

    /// <summary>Time between two reads of <c>/cap/feed.atom</c> (discovers new alerts), milliseconds.</summary>
    public int CapFeedMilliseconds { get; init; } = 2_000;

    /// <summary>Seconds between two intruders.</summary>
    public double IntruderIntervalSeconds { get; init; } = 4;

    /// <summary>Extra configuration arguments for the server (<c>--Key=value</c>).</summary>
    public IReadOnlyList<string> ServerArguments { get; init; } = [];

    /// <summary>Wall (and sensor) time between two batches, in ticks: 100 observations at the rate.</summary>
    public long BatchIntervalTicks => TimeSpan.TicksPerSecond * Batch / ObservationsPerSecond;

    /// <summary>Why the settings cannot run, or null.</summary>
    public string? Error() =>
        ObservationsPerSecond is < 100 or > 100_000 || (100_000 % ObservationsPerSecond) != 0
            ? $"--rate: {ObservationsPerSecond} must be within 100–100000 and divide 100000 (100 observations per whole millisecond interval)"
            : null;
}

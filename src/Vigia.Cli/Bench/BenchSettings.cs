using Vigia.Core.Geodesy;

namespace Vigia.Cli.Bench;

/// <summary>What <c>vigia bench pipeline</c> was asked to measure.</summary>
internal sealed record BenchSettings
{
    /// <summary>Where the bench picture frame is (Tepalcatepec high ground, roughly).</summary>
    public static readonly GeoPosition Origin = new(19.19, -102.85, 420);

    /// <summary>Journal folder; null = a fresh temporary folder, deleted afterwards.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>PostgreSQL connection string; null = embedded SQLite.</summary>
    public string? Postgres { get; init; }

    /// <summary>Seconds each phase runs.</summary>
    public double Seconds { get; init; } = 10;

    /// <summary>Concurrent HTTP clients of the throughput phase.</summary>
    public int Clients { get; init; } = 12;

    /// <summary>Extra configuration arguments for the server (<c>--Key=value</c>).</summary>
    public IReadOnlyList<string> ServerArguments { get; init; } = [];

    /// <summary>Registered sensors the load comes from.</summary>
    public const int Sensors = 10;

    /// <summary>Observations per request in the throughput phase.</summary>
    public const int ThroughputBatch = 1_000;

    /// <summary>Simulated targets of the latency phase.</summary>
    public const int Targets = 500;

    /// <summary>Observations per request in the latency phase.</summary>
    public const int LatencyBatch = 100;

    /// <summary>Requests per second in the latency phase (× <see cref="LatencyBatch"/> = 10,000 observations/s).</summary>
    public const int LatencyRequestsPerSecond = 100;
}

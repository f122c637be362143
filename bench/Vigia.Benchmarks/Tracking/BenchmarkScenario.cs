using System.Globalization;
using Vigia.Cli.Tracking;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Scenarios.Format;
using Vigia.Scenarios.Simulation;
using Vigia.Tracking.Trackers;

namespace Vigia.Benchmarks.Tracking;

/// <summary>
/// A simulated scenario held in memory for tracker benchmarks: every scan as a ready array of
/// observations with its timestamp, plus the tracker options <c>vigia track</c> would build for it.
/// Loading (simulate → write → read) happens once, in a benchmark's <c>[GlobalSetup]</c>, so the
/// timed loop sees no parsing and no I/O.
/// </summary>
internal sealed class BenchmarkScenario
{
    /// <summary>Seed of the benchmark scenarios: not 1 or 2, the seeds of the shared scoring files.</summary>
    public const ulong Seed = 7;

    /// <summary>Target count of the shared <c>radar-n50-s1</c> file, whose density the scaling keeps.</summary>
    private const double ReferenceTargets = 50;

    private const double ReferenceAreaRadiusMeters = 3000;
    private const double ReferenceClutterPerScan = 10;

    private BenchmarkScenario(TrackerOptions options, BenchmarkScan[] scans, double durationSeconds, long measurements)
    {
        TrackerOptions = options;
        Scans = scans;
        DurationSeconds = durationSeconds;
        Measurements = measurements;
    }

    /// <summary>Tracker options as <c>vigia track</c> builds them (defaults plus the file's sensor models).</summary>
    public TrackerOptions TrackerOptions { get; }

    /// <summary>All scans in file order.</summary>
    public BenchmarkScan[] Scans { get; }

    /// <summary>Seconds of data the scans cover.</summary>
    public double DurationSeconds { get; }

    /// <summary>Observations over all scans.</summary>
    public long Measurements { get; }

    /// <summary>
    /// Simulation options for <paramref name="targets"/> target slots at the density of the shared
    /// N = 50 file: area radius 3 km × √(N / 50), clutter 10 × N / 50 per scan, radar range the
    /// area radius + 500 m (the simulator's default), Remote ID on 30 %, Pd 0.9.
    /// </summary>
    public static SimulationOptions OptionsFor(int targets, double durationSeconds)
    {
        var scale = targets / ReferenceTargets;
        return new SimulationOptions
        {
            Seed = Seed,
            Targets = targets,
            DurationSeconds = durationSeconds,
            // The simulator's area is at least 1 km; below N = 6 the density scaling would go under it.
            AreaRadiusMeters = Math.Max(1000, ReferenceAreaRadiusMeters * Math.Sqrt(scale)),
            ClutterPerScan = ReferenceClutterPerScan * scale,
            RidFraction = 0.3,
            DetectionProbability = 0.9,
        };
    }

    /// <summary>Simulates to a temporary file, reads it back and deletes it.</summary>
    public static BenchmarkScenario Load(SimulationOptions simulation)
    {
        var path = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture,
            $"vigia-bench-n{simulation.Targets}-s{simulation.Seed}-{Guid.NewGuid():N}.json"));
        try
        {
            ScenarioSimulator.WriteFile(simulation, path);
            using var reader = ScenarioReader.Open(path);
            return Read(reader, simulation.DurationSeconds);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static BenchmarkScenario Read(ScenarioReader reader, double durationSeconds)
    {
        var header = reader.Header;
        var options = ScenarioTrackerOptions.For(header, new TrackerOptions());
        var epoch = Timestamp.FromDateTimeOffset(header.EpochUtc);
        // Snapshots are taken after radar scans, as in ScenarioTrackRun.
        var radars = header.RadarSensors;
        var scans = new List<BenchmarkScan>();
        long measurements = 0;
        foreach (var scan in reader.ReadScans())
        {
            scans.Add(new BenchmarkScan(epoch.AddSeconds(scan.TimeSeconds), scan.Sensor, [.. scan.Observations], radars.Contains(scan.Sensor)));
            measurements += scan.Observations.Count;
        }

        return new BenchmarkScenario(options, [.. scans], durationSeconds, measurements);
    }
}

/// <summary>One scan, ready for <see cref="MultiTargetTracker.Step(Timestamp, SensorId, ReadOnlySpan{Observation})"/>.</summary>
/// <param name="Time">Scan time.</param>
/// <param name="Sensor">The scanning sensor.</param>
/// <param name="Observations">The scan's observations.</param>
/// <param name="IsRadar">Whether the displayed tracks are read after it.</param>
internal sealed record BenchmarkScan(Timestamp Time, SensorId Sensor, Observation[] Observations, bool IsRadar);

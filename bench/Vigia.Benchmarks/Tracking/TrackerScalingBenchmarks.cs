using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Vigia.Core.Tracks;
using Vigia.Tracking.Trackers;

namespace Vigia.Benchmarks.Tracking;

/// <summary>
/// How <see cref="MultiTargetTracker"/> scales with the number of targets at constant density
/// (the shared N = 50 file's targets and clutter per km², see <see cref="BenchmarkScenario.OptionsFor"/>).
/// One operation is one second of data, so "Mean" is compute time per second of data (the figure
/// ../shared/docs/tracking-formats.md gives for Stone Soup: 16 / 76 / 655 / 3,400 ms at N = 5 / 50 / 200 / 500)
/// and "Allocated" is bytes per second of data, i.e. per 1 Hz radar scan and its Remote ID scan.
/// Budgets: bench/Vigia.Benchmarks/budgets.json.
/// </summary>
/// <remarks>
/// Each invocation tracks the whole scenario with a fresh tracker, so the start-up transient (every
/// target initiated in the first scans) and the allocation of new tracks are included, averaged
/// over <see cref="DurationSeconds"/> seconds.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class TrackerScalingBenchmarks
{
    /// <summary>Scenario length, seconds; also the operations per invocation.</summary>
    public const int DurationSeconds = 30;

    private const int MaximumWarmUpRuns = 50;
    private const int WarmUpMilliseconds = 1000;

    private readonly List<TrackSnapshot> _displayed = new(1024);
    private BenchmarkScenario _scenario = null!;

    /// <summary>Target slots in the scenario (about 0.95 of them alive at a time).</summary>
    [Params(5, 50, 200, 500, 1000, 5000)]
    public int Targets { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scenario = BenchmarkScenario.Load(BenchmarkScenario.OptionsFor(Targets, DurationSeconds));
        _displayed.EnsureCapacity(2 * Targets);

        // BDN's pilot stage, which picks the invocations per iteration, runs before its warm-up; on
        // tier-0 code it overestimates the time and picks iterations too short to measure (seen at
        // N = 200: 70 ms iterations, ±90 % error). A second of tracking first lets the JIT tier up.
        var watch = Stopwatch.StartNew();
        for (var run = 0; run < MaximumWarmUpRuns && watch.ElapsedMilliseconds < WarmUpMilliseconds; run++)
        {
            TrackScenario();
        }
    }

    /// <summary>Tracks the scenario from the start; returns the displayed tracks summed over radar scans.</summary>
    [Benchmark(OperationsPerInvoke = DurationSeconds)]
    public long TrackScenario()
    {
        var tracker = new MultiTargetTracker(_scenario.TrackerOptions);
        long displayed = 0;
        foreach (var scan in _scenario.Scans)
        {
            tracker.Step(scan.Time, scan.Sensor, scan.Observations);
            if (scan.IsRadar)
            {
                _displayed.Clear();
                tracker.GetDisplayedTracks(scan.Time, _displayed);
                displayed += _displayed.Count;
            }
        }

        return displayed;
    }
}

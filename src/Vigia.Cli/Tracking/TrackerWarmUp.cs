using Vigia.Core.Time;
using Vigia.Core.Tracks;
using Vigia.Scenarios.Format;
using Vigia.Scenarios.Simulation;
using Vigia.Tracking.Trackers;

namespace Vigia.Cli.Tracking;

/// <summary>
/// Compiles the tracker's code paths before a timed run by tracking a short simulated scenario
/// (15 targets, 12 s, clutter, Remote ID, crossings) on a throw-away tracker. The JIT compiles
/// each method once per process, so without this the first scans would time the compiler, not
/// the tracker. Uses nothing from the scenario being measured.
/// </summary>
internal static class TrackerWarmUp
{
    public static void Run(TrackerOptions options)
    {
        var directory = Path.Combine(Path.GetTempPath(), "vigia-warmup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var path = Path.Combine(directory, "warm-up.json");
            ScenarioSimulator.WriteFile(new SimulationOptions { Seed = 99, Targets = 15, DurationSeconds = 12, ClutterPerScan = 20, RidFraction = 0.5, AreaRadiusMeters = 1500 }, path);
            using var reader = ScenarioReader.Open(path);
            var tracker = new MultiTargetTracker(ScenarioTrackerOptions.For(reader.Header, options));
            var epoch = Timestamp.FromDateTimeOffset(reader.Header.EpochUtc);
            var snapshots = new List<TrackSnapshot>();
            foreach (var scan in reader.ReadScans())
            {
                var time = epoch.AddSeconds(scan.TimeSeconds);
                tracker.Step(time, scan.Sensor, scan.Observations.ToArray());
                snapshots.Clear();
                tracker.GetDisplayedTracks(time, snapshots);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

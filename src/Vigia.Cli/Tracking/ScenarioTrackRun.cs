using System.Diagnostics;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Core.Tracks;
using Vigia.Scenarios.Format;
using Vigia.Tracking.Trackers;

namespace Vigia.Cli.Tracking;

/// <summary>
/// Drives a tracker through a scenario's scans in time order and reports the displayed tracks
/// after every radar scan time (after all scans with a time ≤ it), as <c>cuas-tracks/1</c> asks.
/// Only tracker calls are timed: file parsing, output and the one-off JIT warm-up
/// (<see cref="TrackerWarmUp"/>) are excluded from <see cref="Result.LoopSeconds"/>.
/// </summary>
internal static class ScenarioTrackRun
{
    /// <summary>What a run did.</summary>
    internal sealed record Result(double LoopSeconds, long Measurements, int Snapshots, long Rejected, MultiTargetTracker Tracker);

    public static Result Run(
        ScenarioReader reader,
        TrackerOptions options,
        Action<double, ReadOnlySpan<TrackPoint>> onSnapshot,
        Action<double>? onProgress = null,
        bool warmUp = true)
    {
        var points = new List<TrackPoint>(256);
        return Drive(
            reader,
            options,
            (t, displayed) =>
            {
                points.Clear();
                foreach (var s in displayed)
                {
                    points.Add(new TrackPoint(s.TrackId.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Position.EastMeters, s.Position.NorthMeters, s.Position.UpMeters));
                }

                onSnapshot(t, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(points));
            },
            onProgress,
            warmUp);
    }

    /// <summary>
    /// The loop itself: <paramref name="onDisplayed"/> gets the displayed tracks (a list reused between calls)
    /// after every radar scan time; what it does is not timed.
    /// </summary>
    public static Result Drive(
        ScenarioReader reader,
        TrackerOptions options,
        Action<double, List<TrackSnapshot>> onDisplayed,
        Action<double>? onProgress = null,
        bool warmUp = true)
    {
        var header = reader.Header;
        var trackerOptions = ScenarioTrackerOptions.For(header, options);
        if (warmUp)
        {
            TrackerWarmUp.Run(options);
        }

        var tracker = new MultiTargetTracker(trackerOptions);
        var epoch = Timestamp.FromDateTimeOffset(header.EpochUtc);
        var radars = header.RadarSensors;
        var displayed = new List<TrackSnapshot>(256);
        var watch = new Stopwatch();
        double? pending = null;
        long measurements = 0;
        long rejected = 0;
        var snapshots = 0;
        Observation[] buffer = new Observation[64];

        void Emit(double t)
        {
            displayed.Clear();
            watch.Start();
            tracker.GetDisplayedTracks(epoch.AddSeconds(t), displayed);
            watch.Stop();
            onDisplayed(t, displayed);
            snapshots++;
        }

        foreach (var scan in reader.ReadScans())
        {
            if (pending is { } p && scan.TimeSeconds > p + 1e-9)
            {
                Emit(p);
                pending = null;
                onProgress?.Invoke(scan.TimeSeconds);
            }

            var count = scan.Observations.Count;
            if (buffer.Length < count)
            {
                buffer = new Observation[Math.Max(count, buffer.Length * 2)];
            }

            for (var i = 0; i < count; i++)
            {
                buffer[i] = scan.Observations[i];
            }

            watch.Start();
            var result = tracker.Step(epoch.AddSeconds(scan.TimeSeconds), scan.Sensor, buffer.AsSpan(0, count));
            watch.Stop();
            measurements += count;
            rejected += result.Rejected;
            if (radars.Contains(scan.Sensor))
            {
                pending = scan.TimeSeconds;
            }
        }

        if (pending is { } last)
        {
            Emit(last);
        }

        return new Result(watch.Elapsed.TotalSeconds, measurements, snapshots, rejected, tracker);
    }
}

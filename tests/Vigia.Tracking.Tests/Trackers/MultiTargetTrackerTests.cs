using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Core.Tracks;
using Vigia.Tracking.Tests.TestKit;
using Vigia.Tracking.Trackers;

namespace Vigia.Tracking.Tests.Trackers;

/// <summary>Behaviour of the whole tracker on scripted scenes; partials by concern.</summary>
public sealed partial class MultiTargetTrackerTests
{
    private static readonly EnuVector RadarAtOrigin = EnuVector.Zero;

    private static List<TrackSnapshot> Displayed(MultiTargetTracker tracker, Timestamp time)
    {
        var list = new List<TrackSnapshot>();
        tracker.GetDisplayedTracks(time, list);
        return list;
    }

    private static List<TrackSnapshot> All(MultiTargetTracker tracker, Timestamp time)
    {
        var list = new List<TrackSnapshot>();
        tracker.GetAllTracks(time, list);
        return list;
    }

    private static TrackerStepResult StepOne(MultiTargetTracker tracker, Timestamp time, Measurement measurement, string sensor = "radar-1", string? uasId = null) =>
        tracker.Step(time, [Scenario.Observe(sensor, time, measurement, uasId)]);

    /// <summary>A target in straight flight: position at <paramref name="t"/> seconds.</summary>
    private static EnuVector Straight(EnuVector start, EnuVector velocity, double t) => start + (t * velocity);

    /// <summary>Feeds a radar at the origin 1 Hz plots of one straight-flying target for <paramref name="scans"/> seconds.</summary>
    private static MultiTargetTracker TrackOneTarget(EnuVector start, EnuVector velocity, int scans, int seed, TrackerOptions? options = null)
    {
        var tracker = new MultiTargetTracker(options ?? new TrackerOptions());
        var random = new Random(seed);
        for (var k = 0; k < scans; k++)
        {
            StepOne(tracker, Scenario.At(k), Scenario.Radar(Straight(start, velocity, k), RadarAtOrigin, random));
        }

        return tracker;
    }
}

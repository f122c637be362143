using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Tracking.Tests.TestKit;
using Vigia.Tracking.Trackers;

namespace Vigia.Tracking.Tests.Trackers;

/// <summary>Silence outside a sensor's coverage (the cone of silence over a radar) does not delete a track.</summary>
public sealed partial class MultiTargetTrackerTests
{
    /// <summary>
    /// A drone flies at 20 m/s towards the radar at 250 m height, hovers overhead (above the 60°
    /// beam) for 15 s, then flies away: the radar sees nothing for about 20 s, far past the 6 s
    /// deletion time.
    /// </summary>
    private static (long Before, long After) FlyOverTheRadar(SensorCoverage? coverage)
    {
        var options = new TrackerOptions
        {
            Sensors = new Dictionary<SensorId, SensorModel> { [new SensorId("radar-1")] = new(0.9, 1e-4, coverage) },
        };
        var tracker = new MultiTargetTracker(options);
        var random = new Random(17);
        long before = 0, after = 0;
        for (var k = 0; k <= 60; k++)
        {
            var east = k <= 25 ? 600 - (20.0 * k) : k <= 40 ? 100 : 100 + (20.0 * (k - 40));
            var target = new EnuVector(east, 30, 250);
            var elevation = Math.Atan2(target.UpMeters, target.HorizontalLength);
            var time = Scenario.At(k);
            tracker.Step(time, new SensorId("radar-1"), elevation <= 60 * Math.PI / 180 ? [Scenario.Observe("radar-1", time, Scenario.Radar(target, RadarAtOrigin, random))] : []);
            var shown = Displayed(tracker, time);
            if (k == 18)
            {
                before = Assert.Single(shown).TrackId;
            }

            if (k == 60)
            {
                after = Assert.Single(shown).TrackId;
            }
        }

        return (before, after);
    }

    [Fact]
    public void Step_TargetHoversInTheConeOfSilence_KeepsItsTrackNumberWhenCoverageIsKnown()
    {
        var coverage = new SensorCoverage(RadarAtOrigin, 50, 3500, 0, 2 * Math.PI, -2 * Math.PI / 180, 60 * Math.PI / 180);

        var (before, after) = FlyOverTheRadar(coverage);

        Assert.Equal(before, after);
    }

    [Fact]
    public void Step_TargetHoversInTheConeOfSilence_GetsANewTrackWithoutCoverage()
    {
        var (before, after) = FlyOverTheRadar(coverage: null);

        Assert.NotEqual(before, after);
    }
}

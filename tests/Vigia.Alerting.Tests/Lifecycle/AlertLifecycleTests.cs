using Vigia.Alerting.Alerts;
using Vigia.Alerting.Lifecycle;
using Vigia.Alerting.Rules;
using Vigia.Core.Tracks;
using static Vigia.Alerting.Tests.Lifecycle.Picture;

namespace Vigia.Alerting.Tests.Lifecycle;

public sealed class AlertLifecycleTests
{
    /// <summary>Runs the engine once a second from <paramref name="from"/> to <paramref name="to"/> with the picture <paramref name="at"/> gives.</summary>
    private static List<(double T, AlertEvent Event)> Run(AlertEngine engine, double from, double to, Func<double, TrackSnapshot[]> at)
    {
        var events = new List<(double, AlertEvent)>();
        for (var t = from; t <= to; t++)
        {
            events.AddRange(engine.Evaluate(At(t), at(t)).Select(e => (t, e)));
        }

        return events;
    }

    [Fact]
    public void RaisedOnce_ThenQuietWhileNothingChanges()
    {
        var events = Run(Engine(), 0, 30, t => [Track(1, 0, 100, ve: 5, t: t)]);
        var raised = Assert.Single(events);
        Assert.Equal((0, AlertChange.Raised), (raised.T, raised.Event.Change));
        Assert.Equal(1, raised.Event.Alert.Version);
        Assert.Equal(At(0), raised.Event.Alert.RaisedAt);
        Assert.Equal("la-romera-20251124T160000Z", raised.Event.Alert.Id);
    }

    [Theory]
    [InlineData(6000, -6000)] // a spike to the south-east
    [InlineData(-6000, 6000)] // to the north-west
    [InlineData(6000, 6000)]
    [InlineData(-6000, -6000)]
    public void ADroneHoveringAtTheTipOfALongZone_IsAlarmed(double tipEast, double tipNorth)
    {
        // A thin triangle (an approach corridor, a river bank): its tip is farther from the zone's centroid than the
        // two bounding-box corners on the other diagonal (south-east and north-west spikes; the other two are
        // controls), which is all the engine's pre-gate once measured.
        var ring = new[] { (0.0, 0.0), (tipEast, tipNorth), (0.0, Math.Sign(tipNorth) * 600) }
            .Select(p => Frame.ToGeodetic(new Vigia.Core.Geodesy.EnuVector(p.Item1, p.Item2, 0)))
            .Select(g => new Vigia.Alerting.Zones.GeoPoint(g.LatitudeDegrees, g.LongitudeDegrees))
            .ToArray();
        var corridor = new Vigia.Alerting.Zones.ProtectedZone("corredor", "Corredor", Vigia.Alerting.Zones.ZoneKind.Plant,
            new Vigia.Alerting.Zones.PolygonShape(ring), new Vigia.Alerting.Zones.AltitudeBand(0, 5000, Vigia.Alerting.Zones.ZoneHeightReference.Ellipsoid), 0);
        // Inside, near the tip: 3 % of the way from it to the middle of the opposite side (about 250 m).
        var (e, n) = (tipEast * 0.97, (tipNorth * 0.97) + (0.03 * Math.Sign(tipNorth) * 300));

        var events = Run(Engine(null, corridor), 0, 5, t => [Track(1, e, n, t: t)]);

        var raised = Assert.Single(events, x => x.Event.Change == AlertChange.Raised);
        Assert.Equal(AlertLevel.Alarm, raised.Event.Alert.Level);
    }

    [Fact]
    public void Clears_OnlyAfterTheDwell_WhenTheTrackHasGone()
    {
        var options = new ThreatRuleOptions();
        var events = Run(Engine(options), 0, 200, t => t < 10 ? [Track(1, 0, 100, t: t)] : []);
        var cleared = Assert.Single(events, e => e.Event.Change == AlertChange.Cleared);
        // Gone at t = 10; the level is held for the de-escalation dwell, then the clear dwell runs.
        Assert.InRange(cleared.T, 10 + options.ClearAfterSeconds, 10 + options.DeescalateAfterSeconds + options.ClearAfterSeconds);
        Assert.Equal(At(cleared.T), cleared.Event.Alert.ClearedAt);
        Assert.False(cleared.Event.Alert.IsActive);
        Assert.Empty(Engine().Active);
    }

    [Fact]
    public void ReturnBeforeTheClear_ContinuesTheSameAlert()
    {
        var events = Run(Engine(), 0, 120, t => t is < 10 or > 50 ? [Track(1, 0, 100, t: t)] : []);
        Assert.Single(events, e => e.Event.Change == AlertChange.Raised);
        Assert.DoesNotContain(events, e => e.Event.Change == AlertChange.Cleared);
    }

    [Fact]
    public void Levels_DropOnlyAfterTheDeescalationDwell()
    {
        // Inside until t = 5, then stationary in the watch buffer.
        var events = Run(Engine(), 0, 40, t => [t <= 5 ? Track(1, 0, 100, t: t) : Track(1, 0, 1200, t: t)]);
        var update = Assert.Single(events, e => e.Event.Change == AlertChange.Updated);
        Assert.Equal(20, update.T);
        Assert.Equal(AlertLevel.Advisory, update.Event.Alert.Level);
        Assert.Equal(AlertLevel.Alarm, update.Event.Alert.PeakLevel);
    }

    [Fact]
    public void Escalation_IsImmediate()
    {
        var events = Run(Engine(), 0, 10, t => [t < 5 ? Track(1, 0, 1200, t: t) : Track(1, 0, 100, t: t)]);
        Assert.Equal([(0.0, AlertLevel.Advisory), (5.0, AlertLevel.Alarm)], events.Select(e => (e.T, e.Event.Alert.Level)));
    }

    [Fact]
    public void SeveralTracksOverOnePlace_AreOneIncident()
    {
        var events = Run(Engine(), 0, 5, t => [Track(1, 0, 100, t: t), Track(2, 50, -80, t: t), Track(3, 0, 1200, t: t)]);
        var raised = Assert.Single(events).Event.Alert;
        Assert.Equal(AlertLevel.Alarm, raised.Level);
        Assert.Equal(3, raised.TrackIds.Count);
        Assert.Equal(3, raised.TrackIds[2]); // the one in the buffer is least severe
        Assert.Contains(AlertReason.MultipleTracks, raised.Reasons);
    }

    [Fact]
    public void Acknowledgement_StaysThroughUpdates()
    {
        var engine = Engine();
        var raised = engine.Evaluate(At(0), [Track(1, 0, 1200)]).Single().Alert;
        var ack = engine.Acknowledge(raised.Id, "coordinador", At(2))!;
        Assert.Equal(AlertChange.Acknowledged, ack.Change);
        Assert.Equal(2, ack.Alert.Version);
        Assert.Null(engine.Acknowledge(raised.Id, "otra", At(3)));

        var escalated = engine.Evaluate(At(4), [Track(1, 0, 100, t: 4)]).Single().Alert;
        Assert.Equal((3, AlertLevel.Alarm), (escalated.Version, escalated.Level));
        Assert.Equal(new Acknowledgement("coordinador", At(2)), escalated.Acknowledgement);
    }

    [Fact]
    public void StandingAlert_IsReissuedBeforeItExpires()
    {
        var options = new ThreatRuleOptions { ExpirySeconds = 100 };
        var events = Run(Engine(options), 0, 120, t => [Track(1, 0, 100, ve: 5, t: t)]);
        Assert.Equal([0.0, 50.0, 100.0], events.Select(e => e.T));
        Assert.All(events, e => Assert.True(e.Event.Alert.ExpiresAt > At(e.T)));
    }

    [Fact]
    public void Loitering_IsAddedAfterTheLoiterTime()
    {
        var events = Run(Engine(), 0, 30, t => [Track(1, 0, 100, ve: 0.5, t: t)]);
        var update = Assert.Single(events, e => e.Event.Change == AlertChange.Updated);
        Assert.Equal(20, update.T);
        Assert.Contains(AlertReason.Loitering, update.Event.Alert.Reasons);
    }

    [Fact]
    public void Loitering_StaysWhileInside_EvenWhenTheDroneSpeedsUpForAMoment()
    {
        var events = Run(Engine(), 0, 60, t => [Track(1, 0, 100, ve: t is > 30 and < 33 ? 8 : 0.5, t: t)]);
        var updates = events.Where(e => e.Event.Change == AlertChange.Updated).ToList();
        Assert.Equal(20, Assert.Single(updates).T);
        Assert.Contains(AlertReason.Loitering, updates[0].Event.Alert.Reasons);
    }

    [Fact]
    public void TracksSwappingPlaces_AreNotANewVersion()
    {
        // Two drones inside; which one is nearer the edge alternates every second.
        var events = Run(Engine(), 0, 30, t => [Track(1, 0, t % 2 == 0 ? 100 : 300, ve: 5, t: t), Track(2, 0, t % 2 == 0 ? 300 : 100, ve: 5, t: t)]);
        Assert.Equal(AlertChange.Raised, Assert.Single(events).Event.Change);
    }

    [Fact]
    public void Exercise_MarksEveryAlert()
    {
        var events = Run(Engine(new ThreatRuleOptions { Exercise = true }), 0, 100, t => t < 5 ? [Track(1, 0, 100, t: t)] : []);
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.True(e.Event.Alert.Exercise));
    }

    [Fact]
    public void Restore_DoesNotRaiseAStandingAlertAgain()
    {
        var first = Engine();
        var standing = first.Evaluate(At(0), [Track(1, 0, 100)]).Single().Alert;

        var restarted = Engine();
        restarted.Restore([standing]);
        var events = restarted.Evaluate(At(5), [Track(7, 0, 100, t: 5)]);
        var update = Assert.Single(events);
        Assert.Equal((AlertChange.Updated, standing.Id, 2), (update.Change, update.Alert.Id, update.Alert.Version));
    }

    [Fact]
    public void RemovedZone_ClearsItsAlert()
    {
        var engine = Engine(null, Village(), Village("escuela", radius: 100, buffer: 0, eastOffset: 5000));
        engine.Evaluate(At(0), [Track(1, 0, 100)]);
        engine.ReplaceZones([new ZoneContext(Village("escuela", radius: 100, buffer: 0, eastOffset: 5000))]);
        var cleared = Assert.Single(engine.Evaluate(At(1), [Track(1, 0, 100, t: 1)]));
        Assert.Equal((AlertChange.Cleared, "la-romera"), (cleared.Change, cleared.Alert.ZoneId));
    }

    [Fact]
    public void CoverageLost_NamesTheZonesTheSensorCovered_AndClearsAfterTheDwell()
    {
        var engine = Engine(null, Village(), Village("escuela", radius: 100, buffer: 0, eastOffset: 20_000));
        engine.ReplaceSensors([
            new SensorCoverage("radar-1", Origin, 5_000),
            new SensorCoverage("rid-far", Frame.ToGeodetic(new(60_000, 0, 0)), 1_000),
            new SensorCoverage("unknown-range", Origin, null),
        ]);
        Assert.Null(engine.SensorDown("rid-far", At(0)));

        var lost = engine.SensorDown("radar-1", At(0))!;
        Assert.Equal((AlertChange.Raised, AlertKind.CoverageLost, AlertLevel.Advisory), (lost.Change, lost.Alert.Kind, lost.Alert.Level));
        Assert.Equal(["la-romera"], lost.Alert.CoveredZoneIds);
        Assert.Null(engine.SensorDown("radar-1", At(1)));
        Assert.Equal(["la-romera", "escuela"], engine.SensorDown("unknown-range", At(0))!.Alert.CoveredZoneIds);

        engine.SensorUp("radar-1", At(10));
        var events = Run(engine, 11, 100, _ => []);
        var cleared = Assert.Single(events, e => e.Event.Alert.SensorId == "radar-1");
        Assert.Equal((70.0, AlertChange.Cleared), (cleared.T, cleared.Event.Change));
    }
}

using Vigia.Alerting.Alerts;
using Vigia.Alerting.Rules;
using Vigia.Core.Observations;
using Vigia.Core.Tracks;
using static Vigia.Alerting.Tests.Lifecycle.Picture;

namespace Vigia.Alerting.Tests.Lifecycle;

public sealed class ThreatRuleTests
{
    private static Alert? RaisedBy(params Vigia.Core.Tracks.TrackSnapshot[] tracks)
    {
        var engine = Engine();
        var events = engine.Evaluate(At(0), tracks);
        return events.SingleOrDefault(e => e.Change == AlertChange.Raised)?.Alert;
    }

    [Fact]
    public void UnknownTrackInWatchBuffer_IsAnAdvisory()
    {
        var alert = RaisedBy(Track(1, 0, 1200))!;
        Assert.Equal(AlertLevel.Advisory, alert.Level);
        Assert.Equal([AlertReason.UnknownInBuffer, AlertReason.NoRemoteId], alert.Reasons);
        Assert.Equal(700, alert.DistanceMeters!.Value, 1.0);
        Assert.Equal("la-romera", alert.ZoneId);
    }

    [Fact]
    public void UnknownTrackOutsideTheBuffer_RaisesNothing() => Assert.Null(RaisedBy(Track(1, 0, 1600)));

    [Fact]
    public void PredictedEntry_IsAWarningWithTheTimeToEntry()
    {
        // 900 m outside the 500 m circle, heading straight at it at 10 m/s: entry in 90 s.
        var alert = RaisedBy(Track(1, 0, 1400, vn: -10))!;
        Assert.Equal(AlertLevel.Warning, alert.Level);
        Assert.Equal(AlertReason.PredictedEntry, alert.Reasons[0]);
        Assert.Equal(90, alert.SecondsToEntry!.Value, 0.5);
        Assert.Equal(180, alert.CourseDegrees!.Value, 0.5);
    }

    [Fact]
    public void PredictionWidensWithUncertainty_ANearMissStillWarns()
    {
        // No watch buffer. Passes 40 m east of the circle's edge at 12 m/s, 1.2 km out: no exact entry, but
        // within the uncertainty margin (2 sigma + 2.5 m/s x look-ahead) before the horizon.
        var engine = Engine(null, Village(buffer: 0));
        var nearMiss = Assert.Single(engine.Evaluate(At(0), [Track(1, 540, 1200, vn: -12)])).Alert;
        Assert.Equal(AlertLevel.Warning, nearMiss.Level);
        Assert.Equal(AlertReason.PredictedEntry, nearMiss.Reasons[0]);

        // A wide miss (1.1 km east of the edge) at the same speed does not.
        Assert.Empty(Engine(null, Village(buffer: 0)).Evaluate(At(0), [Track(2, 1600, 1200, vn: -12)]));
    }

    [Fact]
    public void MovingAwayFromTheZone_IsNotPredictedToEnter()
    {
        Assert.Null(RaisedBy(Track(1, 0, 1600, vn: 10)));
    }

    [Fact]
    public void UnknownTrackInside_IsAnAlarm()
    {
        var alert = RaisedBy(Track(1, 0, 100))!;
        Assert.Equal(AlertLevel.Alarm, alert.Level);
        Assert.Equal([AlertReason.InsideZone, AlertReason.NoRemoteId], alert.Reasons);
        Assert.Equal(0, alert.SecondsToEntry);
    }

    [Fact]
    public void AnEstimateWithinOneSigmaOfTheOutline_CountsAsInside_ButNeverFromFurtherThanTheHysteresis()
    {
        // The circle's edge is 500 m north of its centre; the track's horizontal sigma is 10 m.
        Assert.Equal(AlertLevel.Alarm, RaisedBy(Track(1, 0, 508))!.Level);
        Assert.Equal(AlertLevel.Advisory, RaisedBy(Track(1, 0, 515))!.Level);

        // A coasting track with a 200 m sigma 80 m outside is not inside: the margin stops at the 50 m hysteresis.
        var vague = Track(1, 0, 580) with { PositionCovariance = Vigia.Core.Numerics.Matrix3x3.Diagonal(40_000, 40_000, 400) };
        Assert.Equal(AlertLevel.Advisory, RaisedBy(vague)!.Level);
        Assert.Equal(AlertLevel.Alarm, RaisedBy(vague with { Position = new Vigia.Core.Geodesy.EnuVector(0, 545, 100) })!.Level);

        // With the margin off, only an estimate inside the outline is.
        var strict = Engine(new ThreatRuleOptions { InsideSigmas = 0 });
        Assert.Equal(AlertLevel.Advisory, Assert.Single(strict.Evaluate(At(0), [Track(1, 0, 508)])).Alert.Level);
    }

    [Fact]
    public void CooperativeRemoteId_LowersTheLevelByOne()
    {
        var inside = RaisedBy(Track(1, 0, 100, uasId: "1596F3B9C5000001"))!;
        Assert.Equal(AlertLevel.Warning, inside.Level);
        Assert.Equal([AlertReason.InsideZone, AlertReason.Cooperative], inside.Reasons);
        Assert.Equal("1596F3B9C5000001", inside.UasId);

        Assert.Null(RaisedBy(Track(2, 0, 1200, uasId: "1596F3B9C5000001")));
    }

    [Fact]
    public void CooperativeDrones_ArePredictedOverTheShorterHorizon()
    {
        // No buffer. At 10 m/s toward the zone: entry in 90 s (beyond the cooperative 60 s), then in 40 s.
        Assert.Empty(Engine(null, Village(buffer: 0)).Evaluate(At(0), [Track(1, 0, 1400, vn: -10, uasId: "HOBBY-1")]));
        var near = Assert.Single(Engine(null, Village(buffer: 0)).Evaluate(At(0), [Track(1, 0, 900, vn: -10, uasId: "HOBBY-1")])).Alert;
        Assert.Equal((AlertLevel.Advisory, AlertReason.PredictedEntry), (near.Level, near.Reasons[0]));

        // The same unknown drone 90 s out is a warning.
        Assert.Equal(AlertLevel.Warning, Assert.Single(Engine(null, Village(buffer: 0)).Evaluate(At(0), [Track(1, 0, 1400, vn: -10)])).Alert.Level);
    }

    [Fact]
    public void ImplausibleRemoteId_KeepsTheFullLevel()
    {
        var doubtful = new BroadcastIdentity { Flags = ["speed-implausible"] };
        var alert = RaisedBy(Track(1, 0, 100, uasId: "SPOOF", identity: doubtful))!;
        Assert.Equal(AlertLevel.Alarm, alert.Level);
        Assert.Equal([AlertReason.InsideZone, AlertReason.RemoteIdDoubtful], alert.Reasons);
    }

    [Fact]
    public void AllowListedDrone_IsNotAlerted_OnlyWithinItsWindow()
    {
        var engine = Engine();
        engine.ReplaceAllowList(new AllowList([new AllowListEntry("SURVEY-1", "municipal survey", At(0), At(100))]));
        Assert.Empty(engine.Evaluate(At(10), [Track(1, 0, 100, uasId: "SURVEY-1")]));
        var after = engine.Evaluate(At(200), [Track(1, 0, 100, uasId: "SURVEY-1")]);
        Assert.Equal(AlertLevel.Warning, Assert.Single(after).Alert.Level);
    }

    [Fact]
    public void MannedAircraft_AreNeverAlerted_ButAnUnknownTrackBesideOneIs()
    {
        var manned = new Classification(ObjectClass.MannedAircraft, EvidenceSource.Adsb, 1.0, "AMX123");
        var events = Engine().Evaluate(At(0), [Track(1, 0, 100, uasId: "ICAO-0D0A1B") with { Classification = manned }, Track(2, 30, 100)]);
        var alert = Assert.Single(events).Alert;
        Assert.Equal([2L], alert.TrackIds);
        Assert.Equal(AlertLevel.Alarm, alert.Level);
    }

    [Fact]
    public void YoungOrTentativeTracks_RaiseNothingUntilTheyLast()
    {
        var engine = Engine();
        Assert.Empty(engine.Evaluate(At(0), [Track(1, 0, 100, updates: 2)]));
        Assert.Empty(engine.Evaluate(At(1), [Track(1, 0, 100, updates: 5, status: TrackStatus.Tentative)]));
        var raised = Assert.Single(engine.Evaluate(At(2), [Track(1, 0, 100, updates: 3)]));
        Assert.Equal(AlertChange.Raised, raised.Change);
    }

    [Fact]
    public void OverTheZoneAboveItsCeiling_IsAWarningNotAnAlarm()
    {
        var low = Village() is var z ? new Vigia.Alerting.Zones.ProtectedZone(z.Id, z.Name, z.Kind, z.Shape,
            new Vigia.Alerting.Zones.AltitudeBand(0, 450, Vigia.Alerting.Zones.ZoneHeightReference.Ellipsoid), z.BufferMeters) : null;
        var engine = Engine(null, low!);
        // Picture origin is at 400 m; the track flies 100 m above it, i.e. ~500 m above the ellipsoid.
        var alert = Assert.Single(engine.Evaluate(At(0), [Track(1, 0, 100)])).Alert;
        Assert.Equal(AlertLevel.Warning, alert.Level);
        Assert.Equal(AlertReason.OverflyingOutsideBand, alert.Reasons[0]);
    }

    [Fact]
    public void Options_RefuseBadValues_NamingTheField()
    {
        var error = Assert.Throws<ArgumentException>(() => new ThreatRuleOptions { WarningHorizonSeconds = -1 }.Validate());
        Assert.StartsWith("WarningHorizonSeconds:", error.Message, StringComparison.Ordinal);
        error = Assert.Throws<ArgumentException>(() => new ThreatRuleOptions { MinTrackUpdates = 0 }.Validate());
        Assert.StartsWith("MinTrackUpdates:", error.Message, StringComparison.Ordinal);
    }
}

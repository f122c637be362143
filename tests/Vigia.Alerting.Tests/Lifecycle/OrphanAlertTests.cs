using Vigia.Alerting.Alerts;
using Vigia.Alerting.Rules;
using static Vigia.Alerting.Tests.Lifecycle.Picture;

namespace Vigia.Alerting.Tests.Lifecycle;

/// <summary>Zone alerts whose zone is gone: cleared once, from their latest version.</summary>
public sealed class OrphanAlertTests
{
    private static ZoneContext School() => new(Village("escuela", radius: 100, buffer: 0, eastOffset: 5000));

    [Fact]
    public void ARestoredAlert_WhoseZoneWasDeletedWhileStopped_IsClearedAtTheFirstEvaluation()
    {
        var standing = Engine().Evaluate(At(0), [Track(1, 0, 100)]).Single().Alert;

        // Restarted without the zone (deleted while the server was stopped); nothing flies.
        var restarted = Engine(null, Village("escuela", radius: 100, buffer: 0, eastOffset: 5000));
        restarted.Restore([standing]);
        var cleared = Assert.Single(restarted.Evaluate(At(10), []));
        Assert.Equal((AlertChange.Cleared, standing.Id, 2), (cleared.Change, cleared.Alert.Id, cleared.Alert.Version));
        Assert.Equal(At(10), cleared.Alert.ClearedAt);
        Assert.Empty(restarted.Active);
        Assert.Empty(restarted.Evaluate(At(11), []));
    }

    [Fact]
    public void AnAlertAcknowledged_AfterItsZoneWasDeleted_ClearsWithTheNextVersionNumber()
    {
        var engine = Engine(null, Village(), School().Zone);
        var raised = engine.Evaluate(At(0), [Track(1, 0, 100)]).Single().Alert;
        engine.ReplaceZones([School()]);

        // Acknowledged before the next evaluation clears it: version 2; the clear must be version 3, not a second 2.
        var acknowledged = engine.Acknowledge(raised.Id, "ana", At(0.5))!;
        Assert.Equal(2, acknowledged.Alert.Version);
        var cleared = Assert.Single(engine.Evaluate(At(1), [Track(1, 0, 100, t: 1)]));
        Assert.Equal((AlertChange.Cleared, 3, "ana"), (cleared.Change, cleared.Alert.Version, cleared.Alert.Acknowledgement?.By));
    }
}

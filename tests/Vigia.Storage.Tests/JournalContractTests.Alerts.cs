using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Storage.Alerts;

namespace Vigia.Storage.Tests;

/// <summary>Zones, allow-list and alert journal (<see cref="IAlertStore"/>).</summary>
public abstract partial class JournalContractTests
{
    private static readonly Timestamp AlertT0 = Timestamp.FromUnixSeconds(1_764_000_000);

    private async Task<IAlertStore> AlertStoreAsync() => (IAlertStore)await OpenAsync();

    [Fact]
    public async Task Zones_AreVersionedAndEveryChangeIsAudited()
    {
        var store = await AlertStoreAsync();
        Assert.Equal(1, await store.SaveZoneAsync("la-romera", "{\"v\":1}", "ana", AlertT0, cancellationToken: Ct));
        Assert.Equal(2, await store.SaveZoneAsync("la-romera", "{\"v\":2}", "luis", AlertT0.AddSeconds(60), expectedVersion: 1, cancellationToken: Ct));
        await store.SaveZoneAsync("el-bejuco", "{\"v\":1}", "ana", AlertT0, cancellationToken: Ct);

        var zones = await store.ListZonesAsync(cancellationToken: Ct);
        Assert.Equal(["el-bejuco", "la-romera"], zones.Select(z => z.Id));
        Assert.Equal(new ZoneRecord("la-romera", 2, "{\"v\":2}", AlertT0.AddSeconds(60), "luis", null), zones[1]);

        Assert.True(await store.DeleteZoneAsync("la-romera", "ana", AlertT0.AddSeconds(120), Ct));
        Assert.False(await store.DeleteZoneAsync("la-romera", "ana", AlertT0.AddSeconds(121), Ct));
        Assert.Equal(["el-bejuco"], (await store.ListZonesAsync(cancellationToken: Ct)).Select(z => z.Id));
        var deleted = await store.GetZoneAsync("la-romera", Ct);
        Assert.Equal((3, AlertT0.AddSeconds(120)), (deleted!.Version, deleted.DeletedAt!.Value));

        var audit = await store.ReadZoneAuditAsync("la-romera", 100, Ct);
        Assert.Equal(
            [("created", 1, "ana"), ("updated", 2, "luis"), ("deleted", 3, "ana")],
            audit.Select(a => (a.Action, a.Version, a.Actor)));
        Assert.Null(audit[2].Feature);

        // Re-creating a deleted zone starts from "no zone" (expected version 0) and keeps counting.
        Assert.Equal(4, await store.SaveZoneAsync("la-romera", "{\"v\":4}", "ana", AlertT0.AddSeconds(180), expectedVersion: 0, cancellationToken: Ct));
        Assert.Equal("created", (await store.ReadZoneAuditAsync("la-romera", 100, Ct))[^1].Action);
    }

    [Fact]
    public async Task ZoneSave_WithAStaleVersion_IsRefusedAndChangesNothing()
    {
        var store = await AlertStoreAsync();
        await store.SaveZoneAsync("z", "{\"v\":1}", "ana", AlertT0, cancellationToken: Ct);
        await store.SaveZoneAsync("z", "{\"v\":2}", "luis", AlertT0, expectedVersion: 1, cancellationToken: Ct);
        var conflict = await Assert.ThrowsAsync<ZoneVersionConflictException>(
            () => store.SaveZoneAsync("z", "{\"v\":\"stale\"}", "ana", AlertT0, expectedVersion: 1, cancellationToken: Ct));
        Assert.Equal((1, 2), (conflict.Expected, conflict.Actual));
        Assert.Equal("{\"v\":2}", (await store.GetZoneAsync("z", Ct))!.Feature);
        Assert.Equal(2, (await store.ReadZoneAuditAsync("z", 100, Ct)).Count);
    }

    [Fact]
    public async Task AllowList_PutReplacesAndRemoveRemoves()
    {
        var store = await AlertStoreAsync();
        await store.PutAllowListAsync(new AllowListRecord("SURVEY-1", "survey", AlertT0, AlertT0.AddSeconds(3600), AlertT0, "ana"), Ct);
        await store.PutAllowListAsync(new AllowListRecord("SURVEY-1", "survey, extended", AlertT0, null, AlertT0, "luis"), Ct);
        await store.PutAllowListAsync(new AllowListRecord("FARM-2", "crop spraying", null, null, AlertT0, "ana"), Ct);
        var list = await store.ListAllowListAsync(Ct);
        Assert.Equal(["FARM-2", "SURVEY-1"], list.Select(e => e.UasId));
        Assert.Equal(new AllowListRecord("SURVEY-1", "survey, extended", AlertT0, null, AlertT0, "luis"), list[1]);
        Assert.True(await store.RemoveAllowListAsync("FARM-2", Ct));
        Assert.False(await store.RemoveAllowListAsync("FARM-2", Ct));
        Assert.Single(await store.ListAllowListAsync(Ct));
    }

    [Fact]
    public async Task AlertEvents_AreJournalledOncePerVersion_AndStandingAlertsAreTheUnclearedOnes()
    {
        var store = await AlertStoreAsync();
        AlertEventRecord Event(string id, int version, double t, string change, int level = 3) =>
            new(0, id, version, AlertT0.AddSeconds(t), change, level, false, $"{{\"id\":\"{id}\",\"version\":{version}}}");

        await store.AppendAlertEventsAsync([Event("a", 1, 0, "raised"), Event("b", 1, 1, "raised", 1)], Ct);
        await store.AppendAlertEventsAsync([Event("a", 2, 5, "acknowledged"), Event("a", 1, 0, "raised")], Ct); // a duplicate version is skipped
        await store.AppendAlertEventsAsync([Event("b", 2, 70, "cleared", 1)], Ct);

        var all = await store.ReadAlertEventsAsync(null, null, null, 100, Ct);
        Assert.Equal([("a", 1), ("b", 1), ("a", 2), ("b", 2)], all.Select(e => (e.AlertId, e.Version)));
        Assert.All(all, e => Assert.True(e.Seq > 0));

        var a = await store.ReadAlertEventsAsync("a", null, null, 100, Ct);
        Assert.Equal(["raised", "acknowledged"], a.Select(e => e.Change));
        Assert.Equal("{\"id\":\"a\",\"version\":2}", a[1].Body);

        var period = await store.ReadAlertEventsAsync(null, AlertT0.AddSeconds(1), AlertT0.AddSeconds(5), 100, Ct);
        Assert.Equal([("b", 1), ("a", 2)], period.Select(e => (e.AlertId, e.Version)));

        var standing = await store.ReadStandingAlertsAsync(Ct);
        Assert.Equal(("a", 2), (Assert.Single(standing).AlertId, standing[0].Version));
    }

    [Fact]
    public async Task ObservationClassification_SurvivesTheJournal_WithAndWithoutAnIdentity()
    {
        var journal = await OpenAsync();
        var plot = Support.Build.Plot("eo-1", 1);
        var classified = plot with { Observation = plot.Observation with { Classification = new Classification(ObjectClass.UavRotaryWing, EvidenceSource.Sapient, 0.75, "UAV Rotary Wing", new SensorId("eo-1")) } };
        var both = plot with
        {
            Observation = plot.Observation with
            {
                ClientId = "both",
                UasId = "ICAO-0D0A1B",
                Identity = new BroadcastIdentity { SelfId = "AMX123" },
                Classification = new Classification(ObjectClass.MannedAircraft, EvidenceSource.Adsb, 1, null),
            },
        };
        await journal.AppendObservationsAsync([classified, both], Ct);
        var back = await ReadAllAsync(journal);
        Assert.Equal(classified.Observation.Classification, back[0].Observation.Classification);
        Assert.Null(back[0].Observation.Identity);
        Assert.Equal(both.Observation.Classification, back[1].Observation.Classification);
        Assert.Equal(both.Observation.Identity, back[1].Observation.Identity);
    }
}

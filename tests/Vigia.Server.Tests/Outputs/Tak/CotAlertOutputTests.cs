using System.Net;
using Vigia.Alerting.Alerts;
using Vigia.Alerting.Cot;
using Vigia.Alerting.Zones;
using Vigia.Server.Outputs.Tak;
using Vigia.Storage;
using Vigia.Storage.Alerts;

namespace Vigia.Server.Tests.Outputs.Tak;

/// <summary>Coverage-lost alerts reach TAK as zone outlines read from a real (SQLite) zone store, parsed back from a UDP socket.</summary>
public sealed class CotAlertOutputTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "vigia-cot-" + Guid.NewGuid().ToString("N"));
    private IJournal? _journal;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _journal = await Journal.OpenAsync(new JournalOptions { DataDirectory = _directory }, TestContext.Current.CancellationToken);
        var zone = new ProtectedZone("san-jose", "San José de Gracia", ZoneKind.Village, new CircleShape(new GeoPoint(19.07, -102.85), 250), new AltitudeBand(0, 120, ZoneHeightReference.AboveGround), 500);
        await Store.SaveZoneAsync(zone.Id, ZoneGeoJson.WriteFeature(zone), "test", TakSamples.T0, cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_journal is not null)
        {
            await _journal.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private IAlertStore Store => (IAlertStore)_journal!;

    [Fact]
    public async Task CoverageLost_GoesOutAsTheZoneOutline_ThenItsDelete_OverUdp()
    {
        using var receiver = TakTestHost.LoopbackReceiver();
        await using var host = Host(receiver);
        var builder = host.Get<CotEventBuilder>();
        var output = new CotAlertOutput(host.Publisher, builder, Store);
        var raised = TakSamples.CoverageLost();
        var cleared = raised with { Version = 2, UpdatedAt = TakSamples.T0.AddSeconds(90), ClearedAt = TakSamples.T0.AddSeconds(90) };

        await output.PublishAsync([new AlertEvent(AlertChange.Raised, raised), new AlertEvent(AlertChange.Cleared, cleared)], TestContext.Current.CancellationToken);

        var outline = TakTestHost.ParseDatagram(await TakTestHost.ReceiveAsync(receiver));
        var delete = TakTestHost.ParseDatagram(await TakTestHost.ReceiveAsync(receiver));
        Assert.Equal(("u-d-c-c", builder.CoverageUid(raised.Id, "san-jose")), ((string)outline.Attribute("type")!, (string)outline.Attribute("uid")!));
        Assert.Equal("250.0", (string)outline.Element("detail")!.Element("shape")!.Element("ellipse")!.Attribute("major")!);
        Assert.Contains("radar-1", outline.Element("detail")!.Element("remarks")!.Value, StringComparison.Ordinal);
        Assert.Equal("t-x-d-d", (string)delete.Attribute("type")!);
        Assert.Equal((string)outline.Attribute("uid")!, (string)delete.Element("detail")!.Element("link")!.Attribute("uid")!);
        Assert.Equal(0, output.Skipped);
    }

    [Fact]
    public async Task CoverageLost_ForADeletedZone_StillDeletesItsOutline()
    {
        using var receiver = TakTestHost.LoopbackReceiver();
        await using var host = Host(receiver);
        var output = new CotAlertOutput(host.Publisher, host.Get<CotEventBuilder>(), Store);
        await Store.DeleteZoneAsync("san-jose", "test", TakSamples.T0.AddSeconds(30), TestContext.Current.CancellationToken);
        var cleared = TakSamples.CoverageLost() with { Version = 2, UpdatedAt = TakSamples.T0.AddSeconds(90), ClearedAt = TakSamples.T0.AddSeconds(90) };

        await output.PublishAsync([new AlertEvent(AlertChange.Cleared, cleared)], TestContext.Current.CancellationToken);

        var delete = TakTestHost.ParseDatagram(await TakTestHost.ReceiveAsync(receiver));
        Assert.Equal("t-x-d-d", (string)delete.Attribute("type")!);
    }

    [Fact]
    public async Task AZoneStoreThatCannotBeRead_CostsOnlyTheOutline_NotTheRestOfTheBatch()
    {
        using var receiver = TakTestHost.LoopbackReceiver();
        await using var host = Host(receiver);
        var output = new CotAlertOutput(host.Publisher, host.Get<CotEventBuilder>(), Store);
        // The zones table gone from under the journal: listing zones now fails with a JournalException.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_directory, "vigia.db")};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE zones";
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await Assert.ThrowsAsync<JournalException>(() => Store.ListZonesAsync(true, TestContext.Current.CancellationToken));
        await output.PublishAsync([new AlertEvent(AlertChange.Raised, TakSamples.CoverageLost()), new AlertEvent(AlertChange.Raised, TakSamples.Alarm())], TestContext.Current.CancellationToken);

        var breach = TakTestHost.ParseDatagram(await TakTestHost.ReceiveAsync(receiver));
        Assert.Equal("b-a-g", (string)breach.Attribute("type")!);
        Assert.Equal(1, output.Skipped);
    }

    private static TakTestHost Host(System.Net.Sockets.Socket receiver) => new(new Dictionary<string, string?>
    {
        ["Vigia:Tak:Udp:Enabled"] = "true",
        ["Vigia:Tak:Udp:Address"] = "127.0.0.1",
        ["Vigia:Tak:Udp:Port"] = TakTestHost.Port(((IPEndPoint)receiver.LocalEndPoint!).Port),
    });
}

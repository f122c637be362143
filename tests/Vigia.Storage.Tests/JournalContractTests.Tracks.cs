using Vigia.Core.Tracks;
using Vigia.Storage.Tests.Support;

namespace Vigia.Storage.Tests;

public abstract partial class JournalContractTests
{
    [Fact]
    public async Task TrackUpdates_ReadBackBitExact_InTimeOrder_FilteredAndLimited()
    {
        var journal = await OpenAsync();
        Assert.Equal(0, await journal.MaxTrackIdAsync(Ct));
        var updates = new List<TrackSnapshot>();
        for (var s = 10; s >= 1; s--)
        {
            updates.Add(Support.Build.Track(2, s, s % 3 == 0 ? TrackStatus.Coasting : TrackStatus.Confirmed));
            updates.Add(Support.Build.Track(7, s, TrackStatus.Tentative));
        }

        await journal.AppendTrackUpdatesAsync(updates, Ct);

        var history = await journal.ReadTrackHistoryAsync(2, null, null, 0, Ct);
        Assert.Equal(10, history.Count);
        for (var i = 0; i < 10; i++)
        {
            BitExact.Equal(Support.Build.Track(2, i + 1, (i + 1) % 3 == 0 ? TrackStatus.Coasting : TrackStatus.Confirmed), history[i]);
        }

        var window = await journal.ReadTrackHistoryAsync(7, Support.Build.At(3), Support.Build.At(8), 3, Ct);
        Assert.Equal([Support.Build.At(3), Support.Build.At(4), Support.Build.At(5)], window.Select(t => t.Time));
        BitExact.Equal(Support.Build.Track(7, 3, TrackStatus.Tentative), window[0]);
        Assert.Equal(7, await journal.MaxTrackIdAsync(Ct));
        Assert.Empty(await journal.ReadTrackHistoryAsync(99, null, null, 10, Ct));
    }

    [Fact]
    public async Task Checkpoints_LatestIsLoaded_AndOnlyAFewAreKept()
    {
        var journal = await OpenAsync();
        Assert.Null(await journal.LoadLatestCheckpointAsync(Ct));

        foreach (var s in new[] { 5, 1, 9, 3, 7 })
        {
            await journal.SaveCheckpointAsync(Support.Build.At(s), new byte[] { (byte)s, 42 }, Ct);
        }

        var latest = await journal.LoadLatestCheckpointAsync(Ct);
        Assert.NotNull(latest);
        Assert.Equal(Support.Build.At(9), latest.Time);
        Assert.Equal(new byte[] { 9, 42 }, latest.State);
        Assert.Equal(3, await Target.ScalarAsync("SELECT COUNT(*) FROM checkpoints"));
        Assert.Equal(Support.Build.At(5).UnixNanoseconds, await Target.ScalarAsync("SELECT MIN(time_ns) FROM checkpoints"));
    }

    [Fact]
    public async Task SensorEvents_AreReadInTimeOrder_BySensorAndTime()
    {
        var journal = await OpenAsync();
        await journal.AppendSensorEventAsync(new SensorEvent(Support.Build.At(3), "radar-1", "down", "no frames for 5 s"), Ct);
        await journal.AppendSensorEventAsync(new SensorEvent(Support.Build.At(1), "radar-1", "registered", ""), Ct);
        await journal.AppendSensorEventAsync(new SensorEvent(Support.Build.At(2), "rid-1", "up", "ñ"), Ct);
        await journal.AppendSensorEventAsync(new SensorEvent(Support.Build.At(4), "radar-1", "up", ""), Ct);

        var all = await journal.ReadSensorEventsAsync(null, null, null, 0, Ct);
        var radar = await journal.ReadSensorEventsAsync("radar-1", Support.Build.At(1), Support.Build.At(4), 10, Ct);
        var limited = await journal.ReadSensorEventsAsync(null, null, null, 2, Ct);

        Assert.Equal(["registered", "up", "down", "up"], all.Select(e => e.Kind));
        Assert.Equal(new SensorEvent(Support.Build.At(2), "rid-1", "up", "ñ"), all[1]);
        Assert.Equal(["registered", "down"], radar.Select(e => e.Kind));
        Assert.Equal(2, limited.Count);
    }
}

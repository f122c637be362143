using Vigia.Core.Time;

namespace Vigia.Storage.Tests;

public abstract partial class JournalContractTests
{
    [Fact]
    public async Task DeleteOlderThan_DeletesOnlyOldRows_InSeveralBatches()
    {
        var journal = await OpenAsync();
        var batch = Enumerable.Range(0, 300).Select(i => Support.Build.Plot("radar-1", i, "r" + i)).ToList();
        await journal.AppendObservationsAsync(batch, Ct);
        await journal.AppendTrackUpdatesAsync(Enumerable.Range(0, 300).Select(i => Support.Build.Track(1 + (i % 4), i)).ToList(), Ct);
        for (var i = 0; i < 300; i += 100)
        {
            await journal.AppendSensorEventAsync(new SensorEvent(Support.Build.At(i), "radar-1", "up", ""), Ct);
            await journal.SaveCheckpointAsync(Support.Build.At(i), new byte[] { 1 }, Ct);
        }

        // Cutoff 250 s: 250 observations, 250 track updates, 3 events and 3 checkpoints are older.
        var deleted = await journal.DeleteOlderThanAsync(Support.Build.At(250), batchSize: 40, Ct);

        Assert.Equal(250 + 250 + 3 + 3, deleted);
        var left = await ReadAllAsync(journal);
        Assert.Equal(50, left.Count);
        Assert.All(left, s => Assert.True(s.Observation.SensorTime >= Support.Build.At(250)));
        Assert.Equal(50, await Target.ScalarAsync("SELECT COUNT(*) FROM track_updates"));
        Assert.Empty(await journal.ReadSensorEventsAsync(null, null, null, 0, Ct));
        Assert.Null(await journal.LoadLatestCheckpointAsync(Ct));

        // Sequence numbers are never reused after deletion.
        var next = await journal.AppendObservationsAsync([Support.Build.Plot("radar-1", 999)], Ct);
        Assert.True(next[0].Sequence > left[^1].Sequence);
        Assert.Equal(0, await journal.DeleteOlderThanAsync(Support.Build.At(250), batchSize: 40, Ct));
    }

    [Fact]
    public async Task DeleteOlderThan_GoesByReceiveTime_SoAReceiverWithAWrongClockKeepsItsFreshRows()
    {
        var journal = await OpenAsync();
        static JournalObservation Received(string id, Timestamp sensorTime, Timestamp receiveTime)
        {
            var o = Support.Build.Plot("radar-1", 0, id);
            return o with { Observation = o.Observation with { SensorTime = sensorTime, ReceiveTime = receiveTime } };
        }

        // A GPS week rollover puts the receiver's clock back to 2006; the server received the row just now.
        var rollover = Timestamp.FromDateTimeOffset(new DateTimeOffset(2006, 9, 17, 12, 0, 0, TimeSpan.Zero));
        await journal.AppendObservationsAsync(
        [
            Received("rolled-over", rollover, Support.Build.At(1_000)),
            Received("received-long-ago", Support.Build.At(1_000), Support.Build.At(0)),
        ], Ct);

        var deleted = await journal.DeleteOlderThanAsync(Support.Build.At(500), batchSize: 10, Ct);

        Assert.Equal(1, deleted);
        var left = Assert.Single(await ReadAllAsync(journal));
        Assert.Equal("rolled-over", left.Observation.ClientId);
    }
}

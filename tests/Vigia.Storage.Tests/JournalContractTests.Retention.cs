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
}

using System.Diagnostics.Metrics;
using Vigia.Storage.Tests.Support;

namespace Vigia.Storage.Tests;

public abstract partial class JournalContractTests
{
    [Fact]
    public async Task Committer_FiftyConcurrentCallers_EachGetsItsOwnOutcomes_InFewerTransactions()
    {
        var journal = await OpenAsync();
        using var meters = new TestMeterFactory();
        long rowsMeasured = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (meters.Created.Contains(instrument.Meter) && instrument.Name == "vigia.journal.rows")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref rowsMeasured, value));
        listener.Start();
        var (committer, gate) = Gated(journal, new ObservationCommitterOptions(), meters);

        // Caller c sends c+1 rows; every caller also repeats the shared key "shared" once.
        var batches = Enumerable.Range(0, 50).Select(c =>
            Enumerable.Range(0, c + 1).Select(i => Support.Build.Plot("radar-1", i, $"c{c}-{i}", [(byte)c, (byte)i]))
                .Append(Support.Build.Plot("radar-1", 0, "shared")).ToList()).ToList();
        var tasks = batches.Select(b => Task.Run(() => committer.AppendAsync(b, Ct).AsTask(), Ct)).ToList();
        await gate.Entered.WaitAsync(Ct); // the writer holds its first group of requests at the gate…
        var held = gate.FirstBatch.Count(o => o.Observation.ClientId == "shared");
        await WaitUntilAsync(() => committer.QueueDepth == 50 - held); // …while the others queue up
        gate.Open();
        var results = await Task.WhenAll(tasks);

        Assert.True(committer.Transactions < 50, $"{committer.Transactions} transactions for 50 requests");
        Assert.Equal(held == 50 ? 1 : 2, committer.Transactions); // the group held at the gate, then all queued behind it
        var stored = (await ReadAllAsync(journal)).ToDictionary(s => s.Sequence);
        var sharedFresh = 0;
        for (var c = 0; c < 50; c++)
        {
            Assert.Equal(c + 2, results[c].Length);
            for (var i = 0; i <= c; i++)
            {
                Assert.False(results[c][i].Duplicate);
                Assert.Equal($"c{c}-{i}", stored[results[c][i].Sequence].Observation.ClientId);
            }

            var shared = results[c][^1];
            Assert.Equal("shared", stored[shared.Sequence].Observation.ClientId);
            sharedFresh += shared.Duplicate ? 0 : 1;
        }

        Assert.Equal(1, sharedFresh);
        var totalRows = batches.Sum(b => b.Count);
        Assert.Equal(totalRows, committer.RowsCommitted);
        Assert.Equal(totalRows, Interlocked.Read(ref rowsMeasured));
        Assert.Equal(totalRows - 49, await journal.CountObservationsAsync(Ct));
        Assert.True(committer.MeanCommitLatency > TimeSpan.Zero);
    }

    [Fact]
    public async Task Committer_QueueFull_RefusesWithJournalOverloadedException()
    {
        var journal = await OpenAsync();
        var (committer, gate) = Gated(journal, new ObservationCommitterOptions { QueueCapacity = 2 });

        var held = committer.AppendAsync([Support.Build.Plot("radar-1", 0, "a")], Ct).AsTask();
        await gate.Entered.WaitAsync(Ct); // the writer holds it at the gate
        var queued1 = committer.AppendAsync([Support.Build.Plot("radar-1", 1, "b")], Ct).AsTask();
        var queued2 = committer.AppendAsync([Support.Build.Plot("radar-1", 2, "c")], Ct).AsTask();

        await Assert.ThrowsAsync<JournalOverloadedException>(() => committer.AppendAsync([Support.Build.Plot("radar-1", 3, "d")], Ct).AsTask());

        gate.Open();
        await Task.WhenAll(held, queued1, queued2);
        Assert.Equal(3, await journal.CountObservationsAsync(Ct));
    }

    [Fact]
    public async Task Committer_FailedTransaction_FailsEveryCallerInIt_AndWritesNothing()
    {
        var journal = await OpenAsync();
        var (committer, gate) = Gated(journal, new ObservationCommitterOptions());
        var held = committer.AppendAsync([Support.Build.Plot("radar-1", 0, "first")], Ct).AsTask();
        await gate.Entered.WaitAsync(Ct);

        var good = committer.AppendAsync([Support.Build.Plot("radar-1", 1, "good")], Ct).AsTask();
        var bad = committer.AppendAsync([new JournalObservation(Support.Build.Plot("radar-1", 2).Observation with { Sensor = default })], Ct).AsTask();
        var alsoGood = committer.AppendAsync([Support.Build.Plot("radar-1", 3, "also good")], Ct).AsTask();
        await WaitUntilAsync(() => committer.QueueDepth == 3);
        gate.Open();

        await held;
        var e1 = await Assert.ThrowsAsync<JournalException>(() => good);
        var e2 = await Assert.ThrowsAsync<JournalException>(() => bad);
        var e3 = await Assert.ThrowsAsync<JournalException>(() => alsoGood);
        Assert.Same(e1, e2);
        Assert.Same(e2, e3);
        Assert.Equal("first", Assert.Single(await ReadAllAsync(journal)).Observation.ClientId);

        // The writer loop survives a failed transaction.
        Assert.Single(await committer.AppendAsync([Support.Build.Plot("radar-1", 4, "after")], Ct));
    }

    [Fact]
    public async Task Committer_RequestLargerThanTheRowLimit_IsWrittenWholeInOneTransaction()
    {
        var journal = await OpenAsync();
        await using var committer = new ObservationCommitter(journal, new ObservationCommitterOptions { MaxRowsPerTransaction = 10 });
        var batch = Enumerable.Range(0, 25).Select(i => Support.Build.Plot("radar-1", i, "r" + i)).ToList();

        var outcomes = await committer.AppendAsync(batch, Ct);

        Assert.Equal(25, outcomes.Length);
        Assert.Equal(1, committer.Transactions);
        Assert.Equal(25, await journal.CountObservationsAsync(Ct));
    }

    [Fact]
    public async Task Committer_Dispose_WritesWhatIsQueuedThenRefuses()
    {
        var journal = await OpenAsync();
        var (committer, gate) = Gated(journal, new ObservationCommitterOptions { MaxRowsPerTransaction = 3 });
        var tasks = Enumerable.Range(0, 10).Select(i => committer.AppendAsync([Support.Build.Plot("radar-1", i, "q" + i)], Ct).AsTask()).ToList();

        var disposing = committer.DisposeAsync().AsTask();
        gate.Open();
        await disposing;

        Assert.All(tasks, t => Assert.True(t.IsCompletedSuccessfully));
        Assert.Equal(10, await journal.CountObservationsAsync(Ct));
        Assert.True(committer.Transactions >= 4); // at most 3 rows per transaction
        await Assert.ThrowsAsync<ObjectDisposedException>(() => committer.AppendAsync([Support.Build.Plot("radar-1", 11)], Ct).AsTask());
    }

    /// <summary>
    /// A committer whose transactions wait for the returned gate, so requests pile up deterministically. Both are
    /// disposed with the test, the gate first, so a failing assertion cannot leave the writer waiting for ever.
    /// </summary>
    private (ObservationCommitter Committer, Gate Gate) Gated(IJournal journal, ObservationCommitterOptions options, IMeterFactory? meters = null)
    {
        var gate = new Gate();
        var committer = new ObservationCommitter(
            async (batch, ct) =>
            {
                gate.Enter(batch);
                await gate.Opened;
                return await journal.AppendObservationsAsync(batch, ct);
            },
            options,
            meters);
        Track(committer);
        Track(gate);
        return (committer, gate);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached within 20 s");
            await Task.Delay(5, Ct);
        }
    }
}

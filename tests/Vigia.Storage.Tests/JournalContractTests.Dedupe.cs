namespace Vigia.Storage.Tests;

public abstract partial class JournalContractTests
{
    [Fact]
    public async Task Append_SameClientIdAgain_ReturnsTheExistingSequenceAsDuplicate()
    {
        var journal = await OpenAsync();
        var first = await journal.AppendObservationsAsync([Support.Build.Plot("radar-1", 1, "x-1"), Support.Build.Plot("radar-1", 2, "x-2")], Ct);

        var again = await journal.AppendObservationsAsync(
            [Support.Build.Plot("radar-1", 3, "x-3"), Support.Build.Plot("radar-1", 9, "x-2", range: 1), Support.Build.Plot("radar-2", 4, "x-1")], Ct);

        Assert.False(again[0].Duplicate);
        Assert.Equal(new AppendOutcome(first[1].Sequence, Duplicate: true), again[1]);
        Assert.False(again[2].Duplicate); // same client id, other sensor: not a duplicate
        Assert.Equal(4, await journal.CountObservationsAsync(Ct));
        var kept = (await ReadAllAsync(journal)).Single(s => s.Sequence == first[1].Sequence);
        Assert.Equal(1234.5, kept.Observation.Measurement.V0); // the first copy is kept, not overwritten
    }

    [Fact]
    public async Task Append_DuplicateInsideOneBatch_IsWrittenOnce()
    {
        var journal = await OpenAsync();

        var outcomes = await journal.AppendObservationsAsync(
        [
            Support.Build.Plot("radar-1", 1, "dup"),
            Support.Build.Plot("radar-1", 2, "other"),
            Support.Build.Plot("radar-1", 3, "dup"),
            Support.Build.Plot("radar-1", 4, "dup"),
        ], Ct);

        Assert.False(outcomes[0].Duplicate);
        Assert.False(outcomes[1].Duplicate);
        Assert.Equal(new AppendOutcome(outcomes[0].Sequence, true), outcomes[2]);
        Assert.Equal(new AppendOutcome(outcomes[0].Sequence, true), outcomes[3]);
        Assert.Equal(2, await journal.CountObservationsAsync(Ct));
    }

    [Fact]
    public async Task Append_WithoutClientIds_NeverDuplicates()
    {
        var journal = await OpenAsync();
        var same = Support.Build.Plot("radar-1", 1);

        var a = await journal.AppendObservationsAsync([same, same], Ct);
        var b = await journal.AppendObservationsAsync([same], Ct);

        Assert.DoesNotContain(a.Concat(b), o => o.Duplicate);
        Assert.Equal(3, a.Concat(b).Select(o => o.Sequence).Distinct().Count());
        Assert.Equal(3, await journal.CountObservationsAsync(Ct));
    }

    [Fact]
    public async Task Append_ConcurrentCallersWithOverlappingKeys_WriteEachKeyOnce()
    {
        var journal = await OpenAsync();

        // 16 callers, each sending keys k0…k29 in its own order, plus a key of its own.
        var callers = Enumerable.Range(0, 16).Select(c => Task.Run(() =>
        {
            var batch = Enumerable.Range(0, 30).Select(k => Support.Build.Plot("radar-1", k, "k" + ((k + c) % 30)))
                .Append(Support.Build.Plot("radar-1", 99, "own-" + c)).ToList();
            return journal.AppendObservationsAsync(batch, Ct);
        }, Ct)).ToArray();
        var results = await Task.WhenAll(callers);

        Assert.Equal(46, await journal.CountObservationsAsync(Ct));
        var bySeq = (await ReadAllAsync(journal)).ToDictionary(s => s.Sequence, s => s.Observation.ClientId);
        for (var c = 0; c < results.Length; c++)
        {
            for (var k = 0; k < 30; k++)
            {
                Assert.Equal("k" + ((k + c) % 30), bySeq[results[c][k].Sequence]);
            }
        }

        var fresh = results.SelectMany(r => r).Where(o => !o.Duplicate).ToList();
        Assert.Equal(46, fresh.Count);
        Assert.Equal(46, fresh.Select(o => o.Sequence).Distinct().Count());
    }
}

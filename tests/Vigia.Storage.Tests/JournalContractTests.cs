using Vigia.Storage.Tests.Support;

namespace Vigia.Storage.Tests;

/// <summary>
/// The journal's contract, run against both providers: <see cref="SqliteJournalTests"/> and
/// <see cref="PostgresJournalTests"/> each supply a fresh database per test. Split into partials by concern.
/// </summary>
public abstract partial class JournalContractTests : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _toDispose = [];

    protected JournalTarget Target { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => Target = await CreateTargetAsync();

    public async ValueTask DisposeAsync()
    {
        for (var i = _toDispose.Count - 1; i >= 0; i--)
        {
            await _toDispose[i].DisposeAsync();
        }

        if (Target is not null)
        {
            await Target.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract Task<JournalTarget> CreateTargetAsync();

    /// <summary>Opens the journal on this test's database; disposed at the end of the test.</summary>
    protected async Task<IJournal> OpenAsync(TimeSpan? busyTimeout = null)
    {
        var journal = await Journal.OpenAsync(Target.Options(busyTimeout), Ct);
        _toDispose.Add(journal);
        return journal;
    }

    /// <summary>Disposed at the end of the test (after the journals opened before it).</summary>
    protected T Track<T>(T disposable)
        where T : IAsyncDisposable
    {
        _toDispose.Add(disposable);
        return disposable;
    }

    protected static async Task<List<StoredObservation>> ReadAllAsync(IJournal journal, ObservationQuery? query = null)
    {
        var result = new List<StoredObservation>();
        await foreach (var item in journal.ReadObservationsAsync(query ?? new ObservationQuery { BySequence = true }, Ct))
        {
            result.Add(item);
        }

        return result;
    }
}

namespace Vigia.Storage.Tests.Support;

/// <summary>Holds a committer's transactions until opened; tells when the first one arrived. Disposing opens it.</summary>
public sealed class Gate : IAsyncDisposable
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => _entered.Task;

    public Task Opened => _opened.Task;

    /// <summary>The first batch that arrived at the gate (valid once <see cref="Entered"/> completes).</summary>
    public IReadOnlyList<JournalObservation> FirstBatch { get; private set; } = [];

    public void Enter(IReadOnlyList<JournalObservation> batch)
    {
        if (!_entered.Task.IsCompleted)
        {
            FirstBatch = [.. batch];
            _entered.TrySetResult();
        }
    }

    public void Open() => _opened.TrySetResult();

    public ValueTask DisposeAsync()
    {
        Open();
        return ValueTask.CompletedTask;
    }
}

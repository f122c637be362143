namespace Vigia.Server.Tests.Outputs.Webhooks;

/// <summary>
/// A wall clock the test sets (Microsoft.Extensions.TimeProvider.Testing is not among the repository's packages).
/// Only <see cref="GetUtcNow"/> is manual; timers and elapsed-time measurement stay real, which is what the
/// dispatcher's HTTP timeouts and duration figures need.
/// </summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);

    public void Set(DateTimeOffset to) => Interlocked.Exchange(ref _utcTicks, to.UtcTicks);
}

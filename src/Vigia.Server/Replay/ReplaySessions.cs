using System.Collections.Concurrent;
using System.Security.Cryptography;
using Vigia.Core.Time;
using Vigia.Server.Pipeline;
using Vigia.Storage;
using Vigia.Storage.Alerts;

namespace Vigia.Server.Replay;

/// <summary>
/// The replay sessions of this server: at most <see cref="MaxRunning"/> at once; a session that ended is
/// kept for 10 minutes so its state can still be read, then forgotten.
/// </summary>
/// <remarks>Thread-safety: safe for concurrent requests.</remarks>
public sealed class ReplaySessions(IJournal journal, IAlertStore alerts, SensorDirectory directory, TimeProvider clock) : IAsyncDisposable
{
    /// <summary>Most sessions playing at once.</summary>
    public const int MaxRunning = 4;

    private static readonly TimeSpan KeepEnded = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, ReplaySession> _sessions = new(StringComparer.Ordinal);

    /// <summary>Every known session.</summary>
    public IEnumerable<ReplaySession> All => _sessions.Values;

    /// <summary>The session, or null.</summary>
    public ReplaySession? Find(string id) => _sessions.GetValueOrDefault(id);

    /// <summary>Starts a session; null when <see cref="MaxRunning"/> are already playing.</summary>
    public ReplaySession? Start(Timestamp from, Timestamp to, double speed)
    {
        Forget();
        if (_sessions.Values.Count(s => s.Ended is null) >= MaxRunning)
        {
            return null;
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var session = new ReplaySession(id, journal, directory.Frame, from, to, speed, clock, alerts);
        _sessions[id] = session;
        session.Start();
        return session;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var s in _sessions.Values)
        {
            s.Stop();
            await s.Completion.ConfigureAwait(false);
            s.Dispose();
        }

        _sessions.Clear();
    }

    private void Forget()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, s) in _sessions)
        {
            if (s.Ended is { } ended && now - ended > KeepEnded && _sessions.TryRemove(id, out var removed))
            {
                removed.Dispose();
            }
        }
    }
}

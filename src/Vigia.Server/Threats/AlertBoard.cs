using System.Collections.Concurrent;
using Vigia.Alerting.Alerts;
using Vigia.Server.Json;

namespace Vigia.Server.Threats;

/// <summary>The standing alerts as the alert loop last published them, for <c>GET /api/v1/alerts</c>.</summary>
/// <remarks>Thread-safety: written by the alert loop only; readers get immutable DTOs.</remarks>
public sealed class AlertBoard
{
    private readonly ConcurrentDictionary<string, AlertDto> _standing = new(StringComparer.Ordinal);
    private long _changes;

    /// <summary>The standing alerts, most severe first, then newest.</summary>
    public IReadOnlyList<AlertDto> Standing =>
        [.. _standing.Values.OrderByDescending(a => LevelRank(a.Level)).ThenByDescending(a => a.UpdatedAt)];

    /// <summary>Alert changes applied so far (a cache of anything built from the alert journal is stale when this moved).</summary>
    public long Changes => Interlocked.Read(ref _changes);

    /// <summary>True once the loop has restored the standing alerts from the journal.</summary>
    public bool Ready { get; private set; }

    /// <summary>Applies a change (alert loop only).</summary>
    public void Apply(Alert alert)
    {
        if (alert.IsActive)
        {
            _standing[alert.Id] = AlertMapping.ToDto(alert);
        }
        else
        {
            _standing.TryRemove(alert.Id, out _);
        }

        Interlocked.Increment(ref _changes);
    }

    /// <summary>Marks the board restored (alert loop only).</summary>
    public void MarkReady() => Ready = true;

    private static int LevelRank(string level) => level switch
    {
        "alarm" => 3,
        "warning" => 2,
        "advisory" => 1,
        _ => 0,
    };
}

using System.Text.Json;
using Vigia.Core.Time;
using Vigia.Server.Json;
using Vigia.Server.Pipeline;
using Vigia.Storage.Alerts;

namespace Vigia.Server.Replay;

/// <summary>
/// The alerts of a replayed period as they were journalled: on the replay's own stream, an <c>alerts</c> event
/// with the alerts standing where playback starts (again after every seek), then each journalled version as an
/// <c>alert</c> event once playback passes its time. Every event says <c>"mode":"replay"</c>; nothing is
/// re-issued to any warning output — a replay shows what was warned, it never warns.
/// </summary>
/// <remarks>Thread-safety: one task plays; <see cref="Snapshot"/> may be called from any thread.</remarks>
internal sealed class ReplayAlerts(IAlertStore store, EventBroadcaster broadcaster)
{
    /// <summary>
    /// How far before the period versions are read to find the alerts standing at its start: an active alert
    /// is re-issued before it expires, and expiry is at most a day (<c>ExpirySeconds</c>).
    /// </summary>
    public const double LookBackSeconds = 86_400;

    /// <summary>Most versions one replay reads.</summary>
    public const int MaxVersions = 100_000;

    private readonly object _gate = new();
    private readonly Dictionary<string, AlertDto> _shown = new(StringComparer.Ordinal);
    private List<(AlertEventRecord Record, AlertDto Alert)> _versions = [];
    private int _next;
    private bool _started;
    private DateTimeOffset? _position;

    /// <summary>Alert versions published as <c>alert</c> events so far.</summary>
    public long Published { get; private set; }

    /// <summary>Reads the versions from a look-back before <paramref name="from"/> to <paramref name="to"/>; playback starts afresh.</summary>
    public async Task LoadAsync(Timestamp from, Timestamp to, CancellationToken cancellationToken)
    {
        var records = await store.ReadAlertEventsAsync(null, from.AddSeconds(-LookBackSeconds), to, MaxVersions, cancellationToken).ConfigureAwait(false);
        _versions = [.. records
            .Select(r => (Record: r, Alert: JsonSerializer.Deserialize(r.Body, ServerJsonContext.Default.AlertDto)))
            .Where(v => v.Alert is not null)
            .Select(v => (v.Record, v.Alert!))
            .OrderBy(v => v.Record.Time)
            .ThenBy(v => v.Record.Seq)];
        Restart();
    }

    /// <summary>Forgets what was shown (a seek): the next <see cref="Advance"/> sends the alerts standing there first.</summary>
    public void Restart()
    {
        _next = 0;
        _started = false;
    }

    /// <summary>Playback has reached <paramref name="time"/>: publishes what was journalled up to it.</summary>
    public void Advance(Timestamp time)
    {
        if (!_started)
        {
            _started = true;
            var standing = new Dictionary<string, AlertDto>(StringComparer.Ordinal);
            for (; _next < _versions.Count && _versions[_next].Record.Time <= time; _next++)
            {
                standing[_versions[_next].Record.AlertId] = _versions[_next].Alert;
            }

            var at = time.ToDateTimeOffset();
            lock (_gate)
            {
                _shown.Clear();
                foreach (var a in standing.Values.Where(a => a.Active && a.ExpiresAt > at))
                {
                    _shown[a.Id] = a;
                }

                _position = at;
                broadcaster.Publish(Encode(SnapshotLocked()));
            }

            return;
        }

        for (; _next < _versions.Count && _versions[_next].Record.Time <= time; _next++)
        {
            var (record, alert) = _versions[_next];
            lock (_gate)
            {
                if (alert.Active)
                {
                    _shown[alert.Id] = alert;
                }
                else
                {
                    _shown.Remove(alert.Id);
                }

                _position = record.Time.ToDateTimeOffset();
                broadcaster.Publish(StreamFrames.Encode("alert", JsonSerializer.SerializeToUtf8Bytes(
                    new AlertEventDto(record.Change, alert, "replay"), ServerJsonContext.Default.AlertEventDto)));
            }

            Published++;
        }
    }

    /// <summary>The <c>alerts</c> event for a new subscriber: what playback shows now, or null before it started.</summary>
    public ReadOnlyMemory<byte>? Snapshot()
    {
        lock (_gate)
        {
            return _position is null ? null : Encode(SnapshotLocked());
        }
    }

    private AlertsSnapshotEvent SnapshotLocked() =>
        new("replay", _position!.Value, [.. _shown.Values.OrderBy(a => a.RaisedAt).ThenBy(a => a.Id, StringComparer.Ordinal)]);

    private static ReadOnlyMemory<byte> Encode(AlertsSnapshotEvent snapshot) =>
        StreamFrames.Encode("alerts", JsonSerializer.SerializeToUtf8Bytes(snapshot, ServerJsonContext.Default.AlertsSnapshotEvent));
}

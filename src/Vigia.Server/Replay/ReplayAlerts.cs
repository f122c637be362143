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
    private readonly Dictionary<string, int> _latestVersion = new(StringComparer.Ordinal);
    private List<(AlertEventRecord Record, AlertDto Alert)> _versions = [];
    private int _next;
    private bool _started;
    private DateTimeOffset? _position;

    /// <summary>Alert versions published as <c>alert</c> events so far.</summary>
    public long Published { get; private set; }

    /// <summary>Journal rows whose body could not be read as an alert (skipped, not shown).</summary>
    public long Unreadable { get; private set; }

    /// <summary>Reads the versions from a look-back before <paramref name="from"/> to <paramref name="to"/>; playback starts afresh.</summary>
    public async Task LoadAsync(Timestamp from, Timestamp to, CancellationToken cancellationToken)
    {
        var records = await store.ReadAlertEventsAsync(null, from.AddSeconds(-LookBackSeconds), to, MaxVersions, cancellationToken).ConfigureAwait(false);
        var versions = new List<(AlertEventRecord Record, AlertDto Alert)>(records.Count);
        foreach (var record in records)
        {
            if (Read(record) is { } alert)
            {
                versions.Add((record, alert));
            }
            else
            {
                Unreadable++; // a row this version cannot read (e.g. from a later schema): the rest still play
            }
        }

        _versions = [.. versions.OrderBy(v => v.Record.Time).ThenBy(v => v.Record.Seq)];
        Restart();
    }

    /// <summary>
    /// The journal time of the next version not yet played if it is before <paramref name="time"/>, else null:
    /// playback pauses there too, so an alert raised while no sensor reported is shown when it was raised.
    /// </summary>
    public Timestamp? NextBefore(Timestamp time) =>
        _started && _next < _versions.Count && _versions[_next].Record.Time < time ? _versions[_next].Record.Time : null;

    /// <summary>Forgets what was shown (a seek): the next <see cref="Advance"/> sends the alerts standing there first.</summary>
    public void Restart()
    {
        _next = 0;
        _started = false;
        _latestVersion.Clear();
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
                var (record, alert) = _versions[_next];
                if (Newest(record))
                {
                    standing[record.AlertId] = alert;
                }
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
            if (!Newest(record))
            {
                // Journal times mix the server's clock (acknowledgements) with sensor time (picture changes), so a
                // later version can carry an earlier time: what a version replaced is never shown again.
                continue;
            }

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

    private static AlertDto? Read(AlertEventRecord record)
    {
        try
        {
            return JsonSerializer.Deserialize(record.Body, ServerJsonContext.Default.AlertDto);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="record"/> is newer than every version of its alert played so far (and remembers it).</summary>
    private bool Newest(AlertEventRecord record)
    {
        if (_latestVersion.TryGetValue(record.AlertId, out var played) && played >= record.Version)
        {
            return false;
        }

        _latestVersion[record.AlertId] = record.Version;
        return true;
    }

    private AlertsSnapshotEvent SnapshotLocked() =>
        new("replay", _position!.Value, [.. _shown.Values.OrderBy(a => a.RaisedAt).ThenBy(a => a.Id, StringComparer.Ordinal)]);

    private static ReadOnlyMemory<byte> Encode(AlertsSnapshotEvent snapshot) =>
        StreamFrames.Encode("alerts", JsonSerializer.SerializeToUtf8Bytes(snapshot, ServerJsonContext.Default.AlertsSnapshotEvent));
}

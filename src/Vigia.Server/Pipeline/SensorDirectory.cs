using System.Collections.Frozen;
using Vigia.Core.Geodesy;
using Vigia.Server.Hosting;
using Vigia.Storage;

namespace Vigia.Server.Pipeline;

/// <summary>
/// The registered sensors as the server last read them from the journal, and the picture frame.
/// Refreshed after every change made through the API and every few seconds (changes made by
/// <c>vigia sensors</c> while the server runs).
/// </summary>
/// <remarks>
/// The picture frame's origin is <see cref="VigiaServerOptions.Origin"/>, else the position of the first
/// sensor registered with one; once chosen it never moves while the server runs.
/// Thread-safety: readers see an immutable snapshot; refreshes swap it atomically.
/// </remarks>
public sealed class SensorDirectory
{
    private readonly IJournal _journal;
    private readonly GeoPosition? _configuredOrigin;
    private volatile Snapshot _snapshot = new(FrozenDictionary<string, SensorEntry>.Empty, null);

    /// <summary>Creates the directory; call <see cref="RefreshAsync"/> before use.</summary>
    public SensorDirectory(IJournal journal, GeoPosition? configuredOrigin)
    {
        _journal = journal;
        _configuredOrigin = configuredOrigin;
    }

    /// <summary>The picture frame, or null while no origin is configured and no sensor has a position.</summary>
    public LocalTangentPlane? Frame => _snapshot.Frame;

    /// <summary>Every registered sensor (revoked included), by id.</summary>
    public IReadOnlyDictionary<string, SensorEntry> Sensors => _snapshot.Sensors;

    /// <summary>The sensor with this id, or null.</summary>
    public SensorEntry? Find(string id) => _snapshot.Sensors.GetValueOrDefault(id);

    /// <summary>Reloads the registry from the journal.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        // Concurrent refreshes each build a whole snapshot from one read; the last one stored wins.
        var records = await _journal.ListSensorsAsync(cancellationToken).ConfigureAwait(false);
        var frame = _snapshot.Frame;
        if (frame is null)
        {
            var origin = _configuredOrigin ?? records
                .Where(r => r.Position is not null)
                .OrderBy(r => r.Created)
                .ThenBy(r => r.Id, StringComparer.Ordinal)
                .Select(r => r.Position)
                .FirstOrDefault();
            frame = origin is { } o ? new LocalTangentPlane(o) : null;
        }

        var entries = records.ToFrozenDictionary(
            r => r.Id,
            r => new SensorEntry(r, r.Position is { } p && frame is not null ? frame.ToEnu(p) : null),
            StringComparer.Ordinal);
        _snapshot = new Snapshot(entries, frame);
    }

    private sealed record Snapshot(FrozenDictionary<string, SensorEntry> Sensors, LocalTangentPlane? Frame);
}

/// <summary>A registered sensor and its position in the picture frame.</summary>
/// <param name="Record">The registry record.</param>
/// <param name="FramePosition">Its position in the picture frame (ENU metres), or null without a position.</param>
public sealed record SensorEntry(SensorRecord Record, EnuVector? FramePosition)
{
    /// <summary>True while the sensor may send.</summary>
    public bool Active => Record.Revoked is null;
}

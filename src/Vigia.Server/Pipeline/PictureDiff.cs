using Vigia.Core.Geodesy;
using Vigia.Core.Time;
using Vigia.Core.Tracks;
using Vigia.Server.Json;

namespace Vigia.Server.Pipeline;

/// <summary>
/// What changed in the displayed picture since the previous step: tracks that are new or were updated
/// (or changed status), and tracks that left. Keeps the current picture for snapshots. Also picks which
/// updates to journal (at most one per track per interval).
/// </summary>
/// <remarks>Not thread-safe: owned by one loop (the live tracker loop, or one replay session).</remarks>
public sealed class PictureDiff(LocalTangentPlane frame, string mode, double journalIntervalSeconds = double.PositiveInfinity, bool exercise = false)
{
    private readonly Dictionary<long, (TrackDto Dto, Timestamp Journalled)> _shown = [];

    /// <summary>Tracks shown now.</summary>
    public int Count => _shown.Count;

    /// <summary>The picture as last computed.</summary>
    public PictureDto Picture { get; private set; } = new(mode, null, []) { Exercise = exercise ? true : null };

    /// <summary>
    /// Compares <paramref name="displayed"/> (the tracker's displayed tracks at <paramref name="time"/>) with
    /// the previous call; returns the event to publish, or null when nothing changed. Snapshots due for the
    /// journal are appended to <paramref name="toJournal"/>.
    /// </summary>
    public TracksEvent? Update(Timestamp time, IReadOnlyList<TrackSnapshot> displayed, List<TrackSnapshot>? toJournal = null)
    {
        ArgumentNullException.ThrowIfNull(displayed);
        var updated = new List<TrackDto>();
        var seen = new HashSet<long>();
        foreach (var s in displayed)
        {
            seen.Add(s.TrackId);
            var known = _shown.TryGetValue(s.TrackId, out var shown);
            if (known && shown.Dto.LastUpdate == s.LastUpdate.ToDateTimeOffset() && string.Equals(shown.Dto.Status, s.Status.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var dto = TrackMapping.ToDto(s, frame);
            updated.Add(dto);
            var journalled = known ? shown.Journalled : default;
            if (toJournal is not null && (!known || s.Time.SecondsSince(journalled) >= journalIntervalSeconds))
            {
                toJournal.Add(s);
                journalled = s.Time;
            }

            _shown[s.TrackId] = (dto, journalled);
        }

        var removed = new List<long>();
        foreach (var id in _shown.Keys)
        {
            if (!seen.Contains(id))
            {
                removed.Add(id);
            }
        }

        foreach (var id in removed)
        {
            _shown.Remove(id);
        }

        var at = time.ToDateTimeOffset();
        Picture = new PictureDto(mode, at, [.. _shown.Values.Select(v => v.Dto).OrderBy(d => d.Id)]) { Exercise = exercise ? true : null };
        return updated.Count > 0 || removed.Count > 0 ? new TracksEvent(mode, at, updated, removed) { Exercise = exercise ? true : null } : null;
    }
}

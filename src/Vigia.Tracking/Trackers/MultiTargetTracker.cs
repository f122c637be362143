using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Core.Tracks;
using Vigia.Tracking.Filters;

namespace Vigia.Tracking.Trackers;

/// <summary>
/// Multi-sensor multi-target tracker. For each scan (observations of one sensor at one time) it
/// runs the loop Stone Soup's <c>MultiTargetTracker</c> runs, in the same order:
/// predict every track to the scan time and delete the stale ones → associate (spatial pre-gate,
/// Mahalanobis gate, global nearest neighbour by an exact 2-D assignment on log-likelihood-ratio
/// costs, Remote ID identity as a strong cue) → update the assigned tracks with their IMM (or
/// single-model) filter → start tentative tracks from the leftover detections and confirm those
/// whose track score passes <see cref="TrackerOptions.ConfirmationScore"/>.
/// </summary>
/// <remarks>
/// Thread-safety: not thread-safe. One tracker loop owns an instance (docs/architecture.md), so
/// the filter code needs no locks. Memory: fixed per track (no history); scratch buffers grow to
/// the largest scan seen and are reused, so a steady scan rate allocates nothing per scan beyond
/// new tracks.
/// </remarks>
public sealed partial class MultiTargetTracker : ITracker
{
    private readonly TrackerOptions _options;
    private readonly InteractingMultipleModel _filter;
    private readonly InteractingMultipleModel _initiationFilter;
    private readonly Stack<Track> _pool = new();
    private readonly IUpdater _updater;
    private readonly List<Track> _tracks = [];
    private readonly Dictionary<string, Track> _byUasId = new(StringComparer.Ordinal);
    private readonly long[] _faults = new long[Enum.GetValues<ObservationFault>().Length];
    private readonly LinearAssignmentSolver _solver = new();
    private Observation[] _sorted = new Observation[64];
    private long _nextId = 1;
    private Timestamp? _time;

    /// <summary>Creates a tracker; throws <see cref="ArgumentException"/> for invalid options.</summary>
    public MultiTargetTracker(TrackerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _nextId = options.FirstTrackId;
        _updater = options.Updater == UpdaterKind.Unscented ? new UnscentedKalmanUpdater() : ExtendedKalmanUpdater.Instance;
        var imm = options.Filter == FilterKind.Imm
            ? options.Imm
            : new ImmOptions { Models = [options.SingleModel], MeanSojournSeconds = [1.0], SwitchWeights = [1.0], InitialProbabilities = [1.0] };
        _filter = new InteractingMultipleModel(imm, _updater);
        _initiationFilter = new InteractingMultipleModel(
            new ImmOptions { Models = [options.InitiationModel], MeanSojournSeconds = [1.0], SwitchWeights = [1.0], InitialProbabilities = [1.0] },
            _updater);
    }

    /// <summary>The options the tracker runs with.</summary>
    public TrackerOptions Options => _options;

    /// <summary>Number of live tracks of any status.</summary>
    public int TrackCount => _tracks.Count;

    /// <summary>Total observations rejected, by reason (index by <see cref="ObservationFault"/>).</summary>
    public long Faults(ObservationFault reason) => _faults[(int)reason];

    /// <inheritdoc />
    public TrackerStepResult Step(Timestamp time, ReadOnlySpan<Observation> observations)
    {
        var used = 0;
        var rejected = 0;
        var unused = 0;
        if (observations.Length > 0)
        {
            var scan = SortIntoScans(observations);
            var start = 0;
            while (start < scan.Length)
            {
                var end = start + 1;
                while (end < scan.Length && scan[end].SensorTime == scan[start].SensorTime && scan[end].Sensor == scan[start].Sensor)
                {
                    end++;
                }

                var result = ProcessScan(scan[start].SensorTime, scan[start..end]);
                used += result.Used;
                rejected += result.Rejected;
                unused += result.Unused;
                start = end;
            }

            scan.Clear();
        }

        if (_time is null || time > _time.Value)
        {
            AdvanceTo(time);
        }

        return new TrackerStepResult(used, rejected, unused);
    }

    /// <inheritdoc />
    public TrackerStepResult Step(Timestamp time, SensorId sensor, ReadOnlySpan<Observation> observations)
    {
        foreach (var observation in observations)
        {
            if (observation.Sensor != sensor)
            {
                throw new ArgumentException($"observation from {observation.Sensor} in a scan of {sensor}", nameof(observations));
            }
        }

        if (observations.Length > 0)
        {
            return Step(time, observations);
        }

        if (_time is { } now && time < now)
        {
            return default;
        }

        AdvanceTo(time);
        if (_options.Sensors.TryGetValue(sensor, out var model) && model.Coverage is { } coverage)
        {
            MarkUnobservable(time, coverage);
        }

        return default;
    }

    /// <inheritdoc />
    public void GetDisplayedTracks(Timestamp time, ICollection<TrackSnapshot> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        foreach (var track in _tracks)
        {
            if (IsDisplayed(track, time))
            {
                into.Add(Snapshot(track, time, TrackStatus.Confirmed));
            }
        }
    }

    /// <summary>Appends every live track (tentative and coasting included) with its status at <paramref name="time"/>.</summary>
    public void GetAllTracks(Timestamp time, ICollection<TrackSnapshot> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        foreach (var track in _tracks)
        {
            if (track.Deleted)
            {
                continue;
            }

            var status = track.Status == TrackStatus.Tentative ? TrackStatus.Tentative
                : IsDisplayed(track, time) ? TrackStatus.Confirmed : TrackStatus.Coasting;
            into.Add(Snapshot(track, time, status));
        }
    }

    private bool IsDisplayed(Track track, Timestamp time) =>
        !track.Deleted && track.Status != TrackStatus.Tentative && time.SecondsSince(track.SilentSince) <= _options.DisplayCoastSeconds;

    private Span<Observation> SortIntoScans(ReadOnlySpan<Observation> observations)
    {
        if (_sorted.Length < observations.Length)
        {
            _sorted = new Observation[Math.Max(observations.Length, _sorted.Length * 2)];
        }

        var span = _sorted.AsSpan(0, observations.Length);
        observations.CopyTo(span);
        var ordered = true;
        for (var i = 1; i < span.Length && ordered; i++)
        {
            ordered = CompareScan(span[i - 1], span[i]) <= 0;
        }

        if (!ordered)
        {
            span.Sort(CompareScan);
        }

        return span;
    }

    private static int CompareScan(Observation a, Observation b)
    {
        var byTime = a.SensorTime.CompareTo(b.SensorTime);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Sensor.Value, b.Sensor.Value);
    }

    /// <summary>Predicts every track to <paramref name="time"/> and deletes the stale ones.</summary>
    private void AdvanceTo(Timestamp time)
    {
        _time = time;
        var deleted = false;
        foreach (var track in _tracks)
        {
            var dt = time.SecondsSince(track.Time);
            if (dt > 0)
            {
                FilterFor(track).Predict(track.State, dt);
                track.Time = time;
            }

            if (track.Deleted || ShouldDelete(track, time))
            {
                track.Deleted = true;
                deleted = true;
                _pool.Push(track);
                if (track.UasId is { } id && _byUasId.TryGetValue(id, out var owner) && owner == track)
                {
                    _byUasId.Remove(id);
                }
            }
        }

        if (deleted)
        {
            _tracks.RemoveAll(static t => t.Deleted);
        }
    }

    /// <summary>Tentative tracks run the cheap one-model initiation filter; confirmed ones the full filter.</summary>
    private InteractingMultipleModel FilterFor(Track track) =>
        track.Status == TrackStatus.Tentative ? _initiationFilter : _filter;

    private bool ShouldDelete(Track track, Timestamp time)
    {
        var silent = time.SecondsSince(track.SilentSince);
        if (track.Status == TrackStatus.Tentative)
        {
            return silent > _options.TentativeTimeoutSeconds;
        }

        var p = track.State.Combined.Covariance;
        var horizontalStd = Math.Sqrt(p[0] + p[7]);
        return silent > _options.DeleteAfterSeconds || horizontalStd > _options.MaximumPositionStdMeters || !double.IsFinite(horizontalStd);
    }

    private static TrackSnapshot Snapshot(Track track, Timestamp time, TrackStatus status)
    {
        var x = track.State.Combined.Mean;
        var p = track.State.Combined.Covariance;
        var dt = time.SecondsSince(track.Time);
        var lead = dt > 0 ? dt : 0;
        var manoeuvre = 0.0;
        for (var i = 1; i < track.State.Probabilities.Length; i++)
        {
            manoeuvre += track.State.Probabilities[i];
        }

        // Constant-velocity extrapolation to the requested instant; covariance grows with the velocity's.
        return new TrackSnapshot
        {
            TrackId = track.Id,
            Time = time,
            Status = status,
            Position = new(x[0] + (lead * x[3]), x[1] + (lead * x[4]), x[2] + (lead * x[5])),
            Velocity = new(x[3], x[4], x[5]),
            PositionCovariance = new(
                p[0] + (lead * lead * p[21]), p[1], p[2],
                p[6], p[7] + (lead * lead * p[28]), p[8],
                p[12], p[13], p[14] + (lead * lead * p[35])),
            UasId = track.UasId,
            OperatorPosition = track.OperatorPosition,
            Identity = track.Identity,
            Classification = track.Classification,
            Sensors = track.Sensors.Length == 0 ? null : track.Sensors,
            LastUpdate = track.LastUpdate,
            FirstSeen = track.FirstSeen,
            UpdateCount = track.Hits,
            ManoeuvreProbability = manoeuvre,
        };
    }
}

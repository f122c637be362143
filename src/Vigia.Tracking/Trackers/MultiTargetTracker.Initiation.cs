using Vigia.Core.Time;
using Vigia.Core.Tracks;
using Vigia.Tracking.Filters;

namespace Vigia.Tracking.Trackers;

/// <summary>
/// Updates of the assigned tracks, confirmation by track score, identity binding, and initiation
/// of tentative tracks from the detections nobody claimed.
/// </summary>
public sealed partial class MultiTargetTracker
{
    private readonly GaussianState _initial = new();

    private int ApplyAssignments(Timestamp time, int detectionCount)
    {
        var used = 0;
        for (var j = 0; j < detectionCount; j++)
        {
            ref var d = ref _detections[j];
            if (d.AssignedTrack >= 0)
            {
                var track = _tracks[d.AssignedTrack];
                if (_filter.Update(track.State, d.Measurement, d.Model))
                {
                    RecordHit(track, time, d.Observation.UasId, d.AssignedGain);
                    used++;
                }

                continue;
            }

            if (d.Observation.UasId is { } id && _byUasId.TryGetValue(id, out var owner) && d.Locatable)
            {
                // The broadcaster is known but its report fell outside every gate (a jump): restart its
                // state at the report, keeping the track number. Plausibility checks judge the jump.
                Initialise(owner, ref d, time);
                owner.LastUpdate = time;
                owner.Hits++;
                used++;
                continue;
            }

            if (d.Locatable)
            {
                StartTrack(ref d, time);
                used++;
            }

            // Unassigned bearings cannot start a track; they stay unused.
        }

        // Detections of this scan are released so the observations can be collected.
        _detections.AsSpan(0, detectionCount).Clear();
        return used;
    }

    private void RecordHit(Track track, Timestamp time, string? uasId, double scoreGain)
    {
        track.LastUpdate = time;
        track.Hits++;
        track.Score += scoreGain;
        if (uasId is not null && track.UasId is null)
        {
            track.UasId = uasId;
            _byUasId[uasId] = track;
        }

        if (track.Status == TrackStatus.Tentative && ShouldConfirm(track))
        {
            track.Status = TrackStatus.Confirmed;
        }
    }

    private bool ShouldConfirm(Track track) =>
        (track.UasId is not null && _options.ConfirmOnIdentity) ||
        (track.Hits >= _options.MinimumHitsToConfirm && track.Score >= _options.ConfirmationScore);

    private void StartTrack(ref Detection d, Timestamp time)
    {
        var track = new Track(_nextId++, _filter.ModelCount)
        {
            FirstSeen = time,
            LastUpdate = time,
            Time = time,
            Status = TrackStatus.Tentative,
            Hits = 1,
        };
        Initialise(track, ref d, time);
        if (d.Observation.UasId is { } id)
        {
            track.UasId = id;
            _byUasId[id] = track;
        }

        if (ShouldConfirm(track))
        {
            track.Status = TrackStatus.Confirmed;
        }

        _tracks.Add(track);
    }

    /// <summary>
    /// Single-point initialisation: position and its covariance from the inverted measurement,
    /// velocity zero with the configured prior spread (a target of unknown heading: the next hit's
    /// update then gives the two-point velocity, weighted by both uncertainties).
    /// </summary>
    private void Initialise(Track track, ref Detection d, Timestamp time)
    {
        Span<double> position = stackalloc double[3];
        Span<double> covariance = stackalloc double[9];
        d.Model.TryInvert(d.Measurement, position, covariance);
        var x = _initial.Mean.AsSpan();
        var p = _initial.Covariance.AsSpan();
        x.Clear();
        p.Clear();
        for (var a = 0; a < 3; a++)
        {
            x[a] = position[a];
            for (var b = 0; b < 3; b++)
            {
                p[a * 6 + b] = covariance[a * 3 + b];
            }
        }

        var vh = _options.InitialVelocityStdHorizontal;
        var vv = _options.InitialVelocityStdVertical;
        p[21] = vh * vh;
        p[28] = vh * vh;
        p[35] = vv * vv;
        track.State.Initialise(_initial, _filter.InitialProbabilities is double[] probabilities ? probabilities : [.. _filter.InitialProbabilities]);
        track.Time = time;
    }
}

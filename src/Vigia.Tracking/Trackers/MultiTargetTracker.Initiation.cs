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
                if (FilterFor(track).Update(track.State, d.Measurement, d.Model))
                {
                    RecordHit(track, time, d.Observation.UasId, d.AssignedGain);
                    track.Absorb(d.Observation);
                    used++;
                    if (track.Shadow is not null)
                    {
                        CheckShadow(track, ref d);
                    }
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
                owner.Absorb(d.Observation);
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
            Confirm(track);
        }
    }

    /// <summary>
    /// Confirms a tentative track, handing its estimate from the initiation filter to the full
    /// filter. If a confirmed track that has gone unseen (coasting) is predicted where the new one
    /// is, the new estimate continues that track instead, so a target keeps its track number across
    /// a run of missed detections rather than appearing as a new track.
    /// </summary>
    private void Confirm(Track track)
    {
        _initial.CopyFrom(track.State.Combined);
        if (FindCoastingMatch(track) is { } previous)
        {
            _filter.Initialise(previous.State, _initial);
            previous.LastUpdate = track.LastUpdate;
            previous.Hits += track.Hits;
            previous.UasId ??= track.UasId;
            previous.Inherit(track);
            if (previous.UasId is { } id)
            {
                _byUasId[id] = previous;
            }

            track.Deleted = true;
            return;
        }

        track.Status = TrackStatus.Confirmed;
        _filter.Initialise(track.State, _initial);
    }

    private Track? FindCoastingMatch(Track candidate)
    {
        var x = candidate.State.Combined.Mean;
        var p = candidate.State.Combined.Covariance;
        Track? best = null;
        var bestDistance = _options.ReacquisitionGateMahalanobisSquared;
        Span<double> sum = stackalloc double[9];
        Span<double> inverse = stackalloc double[9];
        foreach (var other in _tracks)
        {
            if (other == candidate || other.Deleted || other.Status == TrackStatus.Tentative
                || candidate.LastUpdate.SecondsSince(other.SilentSince) <= _options.DisplayCoastSeconds
                || (other.UasId is not null && candidate.UasId is not null && other.UasId != candidate.UasId)
                || (candidate.UasId is not null && IsNonCooperative(other)))
            {
                continue;
            }

            var y = other.State.Combined.Mean;
            var q = other.State.Combined.Covariance;
            for (var a = 0; a < 3; a++)
            {
                for (var b = 0; b < 3; b++)
                {
                    sum[(a * 3) + b] = p[(a * 6) + b] + q[(a * 6) + b];
                }
            }

            if (!DenseMatrix.TryInvertSpd(sum, inverse, 3, out _))
            {
                continue;
            }

            var d2 = 0.0;
            for (var a = 0; a < 3; a++)
            {
                for (var b = 0; b < 3; b++)
                {
                    d2 += (x[a] - y[a]) * inverse[(a * 3) + b] * (x[b] - y[b]);
                }
            }

            if (d2 < bestDistance)
            {
                bestDistance = d2;
                best = other;
            }
        }

        return best;
    }

    private bool ShouldConfirm(Track track) =>
        (track.UasId is not null && _options.ConfirmOnIdentity) ||
        (track.Hits >= _options.MinimumHitsToConfirm && track.Score >= _options.ConfirmationScore);

    private void StartTrack(ref Detection d, Timestamp time)
    {
        var track = _pool.Count > 0 ? _pool.Pop() : new Track(_filter.ModelCount);
        track.Id = _nextId++;
        track.FirstSeen = time;
        track.LastUpdate = time;
        track.Time = time;
        track.Status = TrackStatus.Tentative;
        track.Hits = 1;
        track.Score = 0;
        track.UasId = null;
        track.OperatorPosition = null;
        track.Identity = null;
        track.Classification = null;
        track.Sensors = [];
        track.Absorb(d.Observation);
        track.Deleted = false;
        track.LastUnobservable = default;
        track.IdentityScansAtBirth = _identityScans;
        track.Shadow = null;
        track.ShadowAgreements = 0;
        if (d.HeldBackTrack >= 0 && d.Observation.UasId is not null)
        {
            var shadow = _tracks[d.HeldBackTrack];
            track.Shadow = shadow;
            track.ShadowId = shadow.Id;
            track.ShadowCheckedUpdate = shadow.LastUpdate;
        }

        Initialise(track, ref d, time);
        if (d.Observation.UasId is { } id)
        {
            track.UasId = id;
            _byUasId[id] = track;
        }

        if (ShouldConfirm(track))
        {
            Confirm(track);
        }

        _tracks.Add(track);
    }

    /// <summary>
    /// An update of <paramref name="track"/>, a broadcaster's track that started beside a
    /// non-cooperative track (its shadow) whose place its first report could have taken. Evidence that
    /// the two are one drone (a radar-tracked drone coming into Remote ID range): the radar plots the
    /// broadcaster's track takes fall in the shadow's gate while the shadow gets none of its own. Evidence
    /// that they are two: the shadow is updated by its own plot (the agreements start again), or a report
    /// does not fit the shadow (it is forgotten). After <see cref="TrackerOptions.IdentityMergeReports"/>
    /// agreeing plots in a row the shadow keeps its number and takes the broadcaster's estimate and identity.
    /// </summary>
    private void CheckShadow(Track track, ref Detection d)
    {
        var shadow = track.Shadow!;
        var innovation = default(Innovation);
        if (shadow.Deleted || shadow.Id != track.ShadowId || shadow.UasId is not null || track.UasId is null
            || !_updater.TryInnovate(shadow.State.Combined, d.Measurement, d.Model, ref innovation))
        {
            track.Shadow = null;
            return;
        }

        if (shadow.LastUpdate > track.ShadowCheckedUpdate)
        {
            track.ShadowAgreements = 0;
            track.ShadowCheckedUpdate = shadow.LastUpdate;
        }

        var fits = innovation.MahalanobisSquared <= _options.GateMahalanobisSquared;
        if (d.Observation.UasId is not null)
        {
            if (!fits)
            {
                track.Shadow = null;
            }

            return;
        }

        track.ShadowAgreements = fits ? track.ShadowAgreements + 1 : 0;
        if (track.ShadowAgreements < _options.IdentityMergeReports)
        {
            return;
        }

        // The older number survives, with the broadcaster's (more precise) estimate and identity.
        var id = track.UasId;
        for (var i = 0; i < shadow.State.Models.Length; i++)
        {
            shadow.State.Models[i].CopyFrom(track.State.Models[i]);
        }

        track.State.Probabilities.CopyTo(shadow.State.Probabilities, 0);
        shadow.State.Combined.CopyFrom(track.State.Combined);
        shadow.Time = track.Time;
        shadow.LastUpdate = track.LastUpdate > shadow.LastUpdate ? track.LastUpdate : shadow.LastUpdate;
        shadow.Hits += track.Hits;
        shadow.UasId = id;
        shadow.Inherit(track);
        _byUasId[id] = shadow;
        track.Shadow = null;
        track.Deleted = true;
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
        FilterFor(track).Initialise(track.State, _initial);
        track.Time = time;
    }
}

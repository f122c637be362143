using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Tracking.Association;
using Vigia.Tracking.Filters;
using Vigia.Tracking.Models;

namespace Vigia.Tracking.Trackers;

/// <summary>One scan: validation, pre-gate, gating and scoring of candidate pairs.</summary>
public sealed partial class MultiTargetTracker
{
    private readonly SpatialGrid _grid = new();
    private readonly List<int> _query = [];
    private Detection[] _detections = new Detection[64];
    private double[] _east = new double[64];
    private double[] _north = new double[64];
    private Edge[] _edges = new Edge[256];
    private int _edgeCount;
    private Timestamp _scanTime;

    /// <summary>Scans processed that carried at least one UAS ID (Remote ID scans), for the non-cooperative rule.</summary>
    private long _identityScans;

    private TrackerStepResult ProcessScan(Timestamp time, ReadOnlySpan<Observation> scan)
    {
        if (_time is { } now && time < now)
        {
            _faults[(int)ObservationFault.OutOfOrder] += scan.Length;
            return new TrackerStepResult(0, scan.Length, 0);
        }

        AdvanceTo(time);
        _scanTime = time;
        var count = PrepareDetections(scan, out var rejected, out var identityScan);
        _edgeCount = 0;
        GenerateCandidates(count);
        Associate(count);
        var used = ApplyAssignments(time, count);
        if (identityScan)
        {
            _identityScans++;
        }
        if (scan.Length > 0 && _options.Sensors.TryGetValue(scan[0].Sensor, out var sensor) && sensor.Coverage is { } coverage)
        {
            MarkUnobservable(time, coverage);
        }

        return new TrackerStepResult(used, rejected, count - used);
    }

    /// <summary>Validates observations into <see cref="_detections"/>; returns how many are usable.</summary>
    private int PrepareDetections(ReadOnlySpan<Observation> scan, out int rejected, out bool identityScan)
    {
        identityScan = false;
        EnsureCapacity(ref _detections, scan.Length);
        EnsureCapacity(ref _east, scan.Length);
        EnsureCapacity(ref _north, scan.Length);
        rejected = 0;
        var count = 0;
        Span<double> position = stackalloc double[3];
        Span<double> covariance = stackalloc double[9];
        foreach (var observation in scan)
        {
            var measurement = observation.Measurement;
            var fault = measurement.Validate();
            if (fault == ObservationFault.None && measurement.Kind == MeasurementKind.GeodeticPosition)
            {
                fault = TryToPictureFrame(ref measurement);
            }

            var model = MeasurementModels.For(measurement.Kind);
            if (fault == ObservationFault.None && model is null)
            {
                fault = ObservationFault.UnsupportedKind;
            }

            if (fault != ObservationFault.None)
            {
                _faults[(int)fault]++;
                rejected++;
                continue;
            }

            var sensorModel = _options.SensorModelFor(observation.Sensor, measurement.Kind);
            ref var d = ref _detections[count];
            d = new Detection
            {
                Observation = observation,
                Measurement = measurement,
                Model = model!,
                LogPdOverClutter = Math.Log(sensorModel.DetectionProbability) - Math.Log(sensorModel.ClutterDensity),
                AssignedTrack = -1,
                HeldBackTrack = -1,
                Locatable = model!.TryInvert(measurement, position, covariance),
            };
            if (d.Locatable)
            {
                var sigma = Math.Sqrt(Math.Max(covariance[0], 0) + Math.Max(covariance[4], 0));
                if (!double.IsFinite(position[0]) || !double.IsFinite(position[1]) || !double.IsFinite(position[2]) || !double.IsFinite(sigma))
                {
                    // Finite values whose position is not (a range of 1e300 m): unusable, counted.
                    _faults[(int)ObservationFault.NonFiniteValue]++;
                    rejected++;
                    d = default;
                    continue;
                }

                _east[count] = position[0];
                _north[count] = position[1];
                d.Up = position[2];
                d.HorizontalSigmaMeters = sigma;
            }

            identityScan |= observation.UasId is not null;
            count++;
        }

        return count;
    }

    private ObservationFault TryToPictureFrame(ref Measurement measurement)
    {
        if (_options.Frame is not { } frame)
        {
            return ObservationFault.UnsupportedKind;
        }

        var enu = frame.ToEnu(new GeoPosition(measurement.V0, measurement.V1, measurement.V2));
        measurement = Measurement.EnuPosition(enu, measurement.Covariance);
        return ObservationFault.None;
    }

    /// <summary>
    /// Scores every gated (track, detection) pair: pairs found through the spatial grid within the
    /// gate's horizontal extent, every bearing against every track, and every Remote ID report
    /// against the track that already carries its UAS ID (whose wider identity gate the grid window
    /// does not cover).
    /// </summary>
    private void GenerateCandidates(int detectionCount)
    {
        if (detectionCount == 0 || _tracks.Count == 0)
        {
            return;
        }

        var maxSigma = 0.0;
        var anyUnlocatable = false;
        for (var j = 0; j < detectionCount; j++)
        {
            if (_detections[j].Locatable)
            {
                maxSigma = Math.Max(maxSigma, _detections[j].HorizontalSigmaMeters);
            }
            else
            {
                anyUnlocatable = true;
            }
        }

        // sqrt(Pee + Pnn) bounds the largest horizontal standard deviation, so the square window of
        // half-width g·(σ_track + σ_detection) holds every pair the gate g² can accept.
        var gate = Math.Sqrt(_options.GateMahalanobisSquared);
        _grid.Build(_east, _north, detectionCount, Math.Clamp(2 * gate * maxSigma, 50.0, 1e9));
        for (var i = 0; i < _tracks.Count; i++)
        {
            var track = _tracks[i];
            track.Index = i;
            var p = track.State.Combined.Covariance;
            var x = track.State.Combined.Mean;
            var trackSigma = Math.Sqrt(Math.Max(p[0] + p[7], 0));
            if (!double.IsFinite(trackSigma) || !double.IsFinite(x[0]) || !double.IsFinite(x[1]))
            {
                continue; // a diverged track; the next prediction deletes it
            }

            _query.Clear();
            _grid.Query(x[0], x[1], gate * (trackSigma + maxSigma), _query);
            foreach (var j in _query)
            {
                // The same bound with this detection's own spread: a cheap test before the full innovation.
                var reach = gate * (trackSigma + _detections[j].HorizontalSigmaMeters);
                if (_detections[j].Locatable && Math.Abs(_east[j] - x[0]) <= reach && Math.Abs(_north[j] - x[1]) <= reach && !CarriesIdentityOf(j, track))
                {
                    TryAddEdge(i, j);
                }
            }

            if (anyUnlocatable)
            {
                for (var j = 0; j < detectionCount; j++)
                {
                    if (!_detections[j].Locatable)
                    {
                        TryAddEdge(i, j);
                    }
                }
            }
        }

        for (var j = 0; j < detectionCount; j++)
        {
            if (_detections[j].Observation.UasId is { } id && _byUasId.TryGetValue(id, out var owner) && !owner.Deleted)
            {
                TryAddEdge(owner.Index, j);
            }
        }
    }

    /// <summary>Tracks this scan could not have seen (outside the sensor's coverage) do not accrue silence for it.</summary>
    private void MarkUnobservable(Timestamp time, SensorCoverage coverage)
    {
        foreach (var track in _tracks)
        {
            var x = track.State.Combined.Mean;
            if (track.LastUpdate != time && !coverage.Contains(new EnuVector(x[0], x[1], x[2])))
            {
                track.LastUnobservable = time;
            }
        }
    }

    /// <summary>A confirmed track no longer shown: unseen for longer than the display coast.</summary>
    private bool IsHidden(Track track, Timestamp time) =>
        track.Status != Vigia.Core.Tracks.TrackStatus.Tentative && time.SecondsSince(track.SilentSince) > _options.DisplayCoastSeconds;

    /// <summary>
    /// A confirmed track without identity that has lived through enough Remote ID scans without a
    /// report: most likely a drone that does not broadcast, so a new UAS ID does not bind to it on sight.
    /// </summary>
    private bool IsNonCooperative(Track track) =>
        track.UasId is null && track.Status != Vigia.Core.Tracks.TrackStatus.Tentative
        && _identityScans - track.IdentityScansAtBirth >= _options.NonCooperativeAfterIdentityScans;

    private bool CarriesIdentityOf(int detectionIndex, Track track) =>
        track.UasId is { } id && string.Equals(_detections[detectionIndex].Observation.UasId, id, StringComparison.Ordinal);

    private void TryAddEdge(int trackIndex, int detectionIndex)
    {
        var track = _tracks[trackIndex];
        ref var d = ref _detections[detectionIndex];
        var reportedId = d.Observation.UasId;
        var sameIdentity = false;
        var newIdentity = false;
        if (reportedId is not null)
        {
            if (track.UasId is { } trackId)
            {
                if (!string.Equals(trackId, reportedId, StringComparison.Ordinal))
                {
                    return;
                }

                sameIdentity = true;
            }
            else if (_byUasId.ContainsKey(reportedId))
            {
                return; // another track carries this identity
            }
            else
            {
                newIdentity = true;
            }
        }

        var innovation = default(Innovation);
        if (!_updater.TryInnovate(track.State.Combined, d.Measurement, d.Model, ref innovation))
        {
            return;
        }

        var gate = sameIdentity ? _options.IdentityGateMahalanobisSquared
            : IsHidden(track, _scanTime) ? Math.Min(_options.HiddenTrackGateMahalanobisSquared, _options.GateMahalanobisSquared)
            : _options.GateMahalanobisSquared;
        if (innovation.MahalanobisSquared > gate)
        {
            return;
        }

        if (newIdentity && IsNonCooperative(track))
        {
            // Held back: the report starts the broadcaster's own track, which remembers the nearest
            // such track and merges into it only if later reports keep agreeing with it.
            if (d.HeldBackTrack < 0 || innovation.MahalanobisSquared < d.HeldBackDistance)
            {
                d.HeldBackTrack = trackIndex;
                d.HeldBackDistance = innovation.MahalanobisSquared;
            }

            return;
        }

        var scoreGain = d.LogPdOverClutter + innovation.LogLikelihood;
        var cost = -scoreGain - (sameIdentity ? _options.IdentityBonus : 0);
        EnsureCapacity(ref _edges, _edgeCount + 1);
        _edges[_edgeCount++] = new Edge(trackIndex, detectionIndex, cost, scoreGain);
    }

    private static void EnsureCapacity<T>(ref T[] array, int needed)
    {
        if (array.Length < needed)
        {
            Array.Resize(ref array, Math.Max(needed, array.Length * 2));
        }
    }

    /// <summary>A usable detection of the current scan.</summary>
    private struct Detection
    {
        public Observation Observation;
        public Measurement Measurement;
        public IMeasurementModel Model;
        public double LogPdOverClutter;
        public bool Locatable;
        public double Up;
        public double HorizontalSigmaMeters;
        public int AssignedTrack;
        public double AssignedGain;
        public int HeldBackTrack;
        public double HeldBackDistance;
    }

    /// <summary>A gated pair and its association cost (negative log-likelihood ratio, nats).</summary>
    private readonly record struct Edge(int Track, int Detection, double Cost, double ScoreGain);
}

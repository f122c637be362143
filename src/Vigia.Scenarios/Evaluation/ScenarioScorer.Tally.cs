using Vigia.Scenarios.Format;

namespace Vigia.Scenarios.Evaluation;

public static partial class ScenarioScorer
{
    /// <summary>Running sums over the scored steps; the figures' definitions live here.</summary>
    private sealed class Tally(int truthCount)
    {
        private readonly string?[] _lastTrack = new string?[truthCount];
        private readonly double?[] _firstAssigned = new double?[truthCount];
        private readonly HashSet<string> _allTracks = new(StringComparer.Ordinal);
        private readonly HashSet<string> _assignedTracks = new(StringComparer.Ordinal);
        private double _gospaSum;
        private double _gospaP1Sum;
        private double _squaredDistanceSum;
        private long _pairs;
        private long _missed;
        private long _false;
        private long _confirmed;
        private int _maxConfirmed;
        private int _switches;

        public void SeeTrack(string id) => _allTracks.Add(id);

        public void AddStep(GospaResult result, double gospaP1, int confirmed)
        {
            _gospaSum += result.Value;
            _gospaP1Sum += gospaP1;
            _missed += result.Missed;
            _false += result.False;
            _confirmed += confirmed;
            _maxConfirmed = Math.Max(_maxConfirmed, confirmed);
        }

        /// <summary>
        /// One assigned pair: pooled d² for the localisation RMS; a switch when the truth's last track
        /// (remembered across gaps) differs; the first assignment time for time to first track.
        /// </summary>
        public void AddPair(double t, int truth, string trackId, double distanceMeters)
        {
            _squaredDistanceSum += distanceMeters * distanceMeters;
            _pairs++;
            if (_lastTrack[truth] is { } last && !string.Equals(last, trackId, StringComparison.Ordinal))
            {
                _switches++;
            }

            _lastTrack[truth] = trackId;
            _firstAssigned[truth] ??= t;
            _assignedTracks.Add(trackId);
        }

        public EvaluationReport ToReport(IReadOnlyList<TruthTrack> truths, List<EvaluationStep> steps, double cutoffMeters, TrackFile tracks)
        {
            var n = steps.Count;
            var delaySum = 0.0;
            var everAssigned = 0;
            for (var i = 0; i < truths.Count; i++)
            {
                if (_firstAssigned[i] is { } first)
                {
                    delaySum += first - truths[i].States[0].T;
                    everAssigned++;
                }
            }

            return new EvaluationReport
            {
                CutoffMeters = cutoffMeters,
                Steps = n,
                MeanGospa = Mean(_gospaSum, n),
                MeanGospaP1 = Mean(_gospaP1Sum, n),
                LocalisationRmsMeters = _pairs > 0 ? Math.Sqrt(_squaredDistanceSum / _pairs) : null,
                AssignedPairs = _pairs,
                MeanMissed = Mean(_missed, n),
                MeanFalse = Mean(_false, n),
                TrackSwitches = _switches,
                MeanTimeToFirstTrackSeconds = everAssigned > 0 ? delaySum / everAssigned : null,
                TruthsEverAssigned = everAssigned,
                Truths = truths.Count,
                MeanConfirmed = Mean(_confirmed, n),
                MaxConfirmed = _maxConfirmed,
                DistinctTracks = _allTracks.Count,
                TracksNeverAssigned = _allTracks.Count - _assignedTracks.Count,
                LoopSeconds = tracks.LoopSeconds,
                Measurements = tracks.Measurements,
                PerStep = steps,
            };
        }

        private static double Mean(double sum, int count) => count > 0 ? sum / count : 0.0;
    }
}

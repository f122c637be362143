using System.Globalization;
using Vigia.Core.Geodesy;
using Vigia.Scenarios.Format;

namespace Vigia.Scenarios.Evaluation;

/// <summary>
/// Scores a tracker's <c>cuas-tracks/1</c> output against a scenario's truth, step by step at the
/// scenario's radar scan times, with exactly the definitions of <c>docs/tracking-formats.md</c>, "Scoring".
/// </summary>
/// <remarks>
/// <para>
/// Per scored time t: the truth set is every truth state sampled at t, the track set is the snapshot at t
/// (snapshots are matched to scored times within <see cref="TimeToleranceSeconds"/>; a scored time with
/// no snapshot has no tracks). GOSPA (c, p = 2, alpha = 2) gives the score and the assignment that every
/// other figure uses; GOSPA with p = 1 is computed from its own optimal assignment.
/// </para>
/// <para>Thread-safety: stateless; safe to call from any thread.</para>
/// </remarks>
public static partial class ScenarioScorer
{
    /// <summary>How close a snapshot time must be to a scored time to match it, seconds (1 ms).</summary>
    public const double TimeToleranceSeconds = 0.001;

    /// <summary>Scores <paramref name="tracks"/> against <paramref name="truths"/>.</summary>
    /// <param name="truths">The scenario's truth targets, states sampled at the radar scan times.</param>
    /// <param name="scoredTimes">The scenario's radar scan times, strictly increasing, seconds.</param>
    /// <param name="tracks">The tracker output.</param>
    /// <param name="cutoffMeters">GOSPA cut-off c, metres.</param>
    /// <exception cref="ArgumentException">The scored times are not finite and strictly increasing.</exception>
    /// <exception cref="InvalidDataException">A snapshot is not at a scored time, or two snapshots match one.</exception>
    public static EvaluationReport Score(
        IReadOnlyList<TruthTrack> truths,
        IReadOnlyList<double> scoredTimes,
        TrackFile tracks,
        double cutoffMeters = GospaMetric.DefaultCutoffMeters)
    {
        ArgumentNullException.ThrowIfNull(truths);
        ArgumentNullException.ThrowIfNull(scoredTimes);
        ArgumentNullException.ThrowIfNull(tracks);
        var times = ValidateTimes(scoredTimes);
        var snapshots = MatchSnapshots(times, tracks.Snapshots);
        var truthsAtStep = SampleTruths(times, truths);

        var gospa2 = new GospaMetric(cutoffMeters, 2.0);
        var gospa1 = new GospaMetric(cutoffMeters, 1.0);
        var tally = new Tally(truths.Count);
        var steps = new List<EvaluationStep>(times.Length);
        for (var k = 0; k < times.Length; k++)
        {
            var truthSet = truthsAtStep[k];
            var trackSet = snapshots[k]?.Tracks ?? [];
            var truthPositions = new EnuVector[truthSet.Count];
            for (var i = 0; i < truthSet.Count; i++)
            {
                truthPositions[i] = truthSet[i].Position;
            }

            var trackPositions = new EnuVector[trackSet.Count];
            for (var j = 0; j < trackSet.Count; j++)
            {
                trackPositions[j] = new EnuVector(trackSet[j].X, trackSet[j].Y, trackSet[j].Z);
                tally.SeeTrack(trackSet[j].Id);
            }

            var result = gospa2.Evaluate(truthPositions, trackPositions);
            tally.AddStep(result, gospa1.Evaluate(truthPositions, trackPositions).Value, trackSet.Count);
            foreach (var pair in result.Assigned)
            {
                tally.AddPair(times[k], truthSet[pair.TruthIndex].Truth, trackSet[pair.TrackIndex].Id, pair.DistanceMeters);
            }

            steps.Add(new EvaluationStep(times[k], result.Value, result.Missed, result.False));
        }

        return tally.ToReport(truths, steps, cutoffMeters, tracks);
    }

    private static double[] ValidateTimes(IReadOnlyList<double> scoredTimes)
    {
        var times = new double[scoredTimes.Count];
        for (var k = 0; k < times.Length; k++)
        {
            times[k] = scoredTimes[k];
            if (!double.IsFinite(times[k]) || (k > 0 && !(times[k] > times[k - 1])))
            {
                throw new ArgumentException($"scored times must be finite and strictly increasing (index {k})", nameof(scoredTimes));
            }
        }

        return times;
    }

    /// <summary>Index of the scored time within tolerance of <paramref name="t"/>, or -1; also the nearest index.</summary>
    private static int FindStep(double[] times, double t, out int nearest)
    {
        var index = Array.BinarySearch(times, t);
        if (index >= 0)
        {
            nearest = index;
            return index;
        }

        var above = ~index;
        nearest = above >= times.Length || (above > 0 && t - times[above - 1] <= times[above] - t) ? above - 1 : above;
        return nearest >= 0 && Math.Abs(times[nearest] - t) <= TimeToleranceSeconds ? nearest : -1;
    }

    private static TrackFileSnapshot?[] MatchSnapshots(double[] times, IReadOnlyList<TrackFileSnapshot> snapshots)
    {
        var matched = new TrackFileSnapshot?[times.Length];
        foreach (var snapshot in snapshots)
        {
            var k = FindStep(times, snapshot.T, out var nearest);
            if (k < 0)
            {
                var hint = nearest >= 0 ? string.Create(CultureInfo.InvariantCulture, $" (nearest is {times[nearest]} s)") : "";
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"snapshot at t = {snapshot.T} s is not a radar scan time of the scenario{hint}; snapshots must match scan times to {TimeToleranceSeconds * 1000} ms"));
            }

            if (matched[k] is not null)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"snapshots at t = {matched[k]!.T} s and t = {snapshot.T} s both match the scan time {times[k]} s"));
            }

            matched[k] = snapshot;
        }

        return matched;
    }

    /// <summary>The truth states at each scored time; states at other times are not scored.</summary>
    private static List<(int Truth, EnuVector Position)>[] SampleTruths(double[] times, IReadOnlyList<TruthTrack> truths)
    {
        var atStep = new List<(int Truth, EnuVector Position)>[times.Length];
        for (var k = 0; k < atStep.Length; k++)
        {
            atStep[k] = [];
        }

        for (var n = 0; n < truths.Count; n++)
        {
            foreach (var state in truths[n].States)
            {
                var k = FindStep(times, state.T, out _);
                if (k >= 0)
                {
                    atStep[k].Add((n, new EnuVector(state.X, state.Y, state.Z)));
                }
            }
        }

        return atStep;
    }
}

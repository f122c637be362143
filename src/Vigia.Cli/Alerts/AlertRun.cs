using Vigia.Alerting.Alerts;
using Vigia.Alerting.Lifecycle;
using Vigia.Cli.Tracking;
using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Time;
using Vigia.Core.Tracks;
using Vigia.Scenarios.Format;
using Vigia.Tracking.Trackers;

namespace Vigia.Cli.Alerts;

/// <summary>One radar scan time of an alerting run: the displayed tracks' positions (picture ENU, m).</summary>
/// <param name="T">Seconds after the scenario epoch.</param>
/// <param name="Tracks">Track id → position.</param>
internal sealed record AlertScan(double T, IReadOnlyDictionary<long, EnuVector> Tracks);

/// <summary>An alert change and the scan time it was made at.</summary>
/// <param name="T">Seconds after the scenario epoch.</param>
/// <param name="Event">The change.</param>
internal sealed record TimedAlertEvent(double T, AlertEvent Event);

/// <summary>What an alerting run produced: the picture at each radar scan time and every alert change.</summary>
internal sealed record AlertRunResult(IReadOnlyList<AlertScan> Scans, IReadOnlyList<TimedAlertEvent> Events, string Tracker, double? LoopSeconds, long? Measurements);

/// <summary>
/// Feeds an <see cref="AlertEngine"/> the full set of track snapshots after every radar scan time of a scenario,
/// as the server does after each tracker update: from Vigía's tracker run on the scenario (as <c>vigia eval</c>
/// runs it), or from a <c>cuas-tracks/1</c> file of another tracker.
/// </summary>
/// <remarks>
/// A tracks file has positions only, so each of its tracks is given what the rules need: velocity from the
/// difference with the same track's previous snapshot (zero on its first, or after a gap over 5 s), a 10 m
/// (1 σ per axis) position uncertainty, the number of snapshots it has appeared in so far as its update count,
/// confirmed status and no Remote ID (so cooperative drones count as unknown). Not thread-safe.
/// </remarks>
internal static class AlertRun
{
    private const double FileTrackSigmaMeters = 10;
    private const double FileTrackMaxGapSeconds = 5;

    /// <summary>Runs the tracker over the scenario's scans and the engine after each radar scan time.</summary>
    public static AlertRunResult WithTracker(ScenarioReader reader, TrackerOptions options, AlertEngine engine, Action<double>? onProgress = null)
    {
        var collector = new Collector(engine, Timestamp.FromDateTimeOffset(reader.Header.EpochUtc));
        var run = ScenarioTrackRun.Drive(reader, options, collector.Evaluate, onProgress, warmUp: false);
        return new AlertRunResult(collector.Scans, collector.Events, TrackerChoice.Describe(options), run.LoopSeconds, run.Measurements);
    }

    /// <summary>Runs the engine over the snapshots of a tracks file (see the remarks for what a file track is given).</summary>
    public static AlertRunResult WithTrackFile(TrackFile tracks, ScenarioHeader header, AlertEngine engine)
    {
        var epoch = Timestamp.FromDateTimeOffset(header.EpochUtc);
        var collector = new Collector(engine, epoch);
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        var previous = new Dictionary<long, (double T, EnuVector Position, int Updates, double FirstSeen)>();
        var snapshots = new List<TrackSnapshot>(256);
        var covariance = Matrix3x3.Diagonal(FileTrackSigmaMeters * FileTrackSigmaMeters, FileTrackSigmaMeters * FileTrackSigmaMeters, FileTrackSigmaMeters * FileTrackSigmaMeters);
        foreach (var snapshot in tracks.Snapshots)
        {
            snapshots.Clear();
            var time = epoch.AddSeconds(snapshot.T);
            foreach (var point in snapshot.Tracks)
            {
                if (!ids.TryGetValue(point.Id, out var id))
                {
                    id = ids.Count + 1;
                    ids.Add(point.Id, id);
                }

                var position = new EnuVector(point.X, point.Y, point.Z);
                var velocity = EnuVector.Zero;
                var updates = 1;
                var firstSeen = snapshot.T;
                if (previous.TryGetValue(id, out var before) && snapshot.T - before.T is > 0 and <= FileTrackMaxGapSeconds)
                {
                    velocity = (1 / (snapshot.T - before.T)) * (position - before.Position);
                    updates = before.Updates + 1;
                    firstSeen = before.FirstSeen;
                }

                previous[id] = (snapshot.T, position, updates, firstSeen);
                snapshots.Add(new TrackSnapshot
                {
                    TrackId = id,
                    Time = time,
                    Status = TrackStatus.Confirmed,
                    Position = position,
                    Velocity = velocity,
                    PositionCovariance = covariance,
                    LastUpdate = time,
                    FirstSeen = epoch.AddSeconds(firstSeen),
                    UpdateCount = updates,
                });
            }

            collector.Evaluate(snapshot.T, snapshots);
        }

        return new AlertRunResult(collector.Scans, collector.Events, tracks.Tracker, tracks.LoopSeconds, tracks.Measurements);
    }

    /// <summary>Calls the engine and keeps what scoring needs.</summary>
    private sealed class Collector(AlertEngine engine, Timestamp epoch)
    {
        public List<AlertScan> Scans { get; } = [];

        public List<TimedAlertEvent> Events { get; } = [];

        public void Evaluate(double t, List<TrackSnapshot> tracks)
        {
            foreach (var e in engine.Evaluate(epoch.AddSeconds(t), tracks))
            {
                Events.Add(new TimedAlertEvent(t, e));
            }

            var positions = new Dictionary<long, EnuVector>(tracks.Count);
            foreach (var track in tracks)
            {
                positions[track.TrackId] = track.Position;
            }

            Scans.Add(new AlertScan(t, positions));
        }
    }
}

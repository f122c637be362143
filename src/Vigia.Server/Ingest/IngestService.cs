using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Server.Pipeline;
using Vigia.Storage;

namespace Vigia.Server.Ingest;

/// <summary>
/// Persist before acknowledge: journals a request's observations through the group committer, and only
/// once that transaction is durable hands the new ones (not duplicates) to the tracker loop.
/// </summary>
/// <remarks>Thread-safety: safe for concurrent requests.</remarks>
public sealed class IngestService(ObservationCommitter committer, TrackerInbox queue, SensorHealthBook health, ServerMetrics metrics, TimeProvider clock)
{
    /// <summary>
    /// Journals <paramref name="items"/> atomically and returns each item's outcome. Not cancellable once
    /// started: a request whose client went away is still committed (its retry is then a duplicate).
    /// Throws <see cref="JournalException"/> or <see cref="JournalOverloadedException"/>.
    /// </summary>
    public async Task<AppendOutcome[]> SubmitAsync(IReadOnlyList<JournalObservation> items, long receivedTimestamp)
    {
        ArgumentNullException.ThrowIfNull(items);
        var outcomes = await committer.AppendAsync(items, CancellationToken.None).ConfigureAwait(false);
        var now = Timestamp.FromDateTimeOffset(clock.GetUtcNow());
        var fresh = new List<Observation>(items.Count);
        var sequences = new List<long>(items.Count);
        var duplicates = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (outcomes[i].Duplicate)
            {
                duplicates++;
            }
            else
            {
                fresh.Add(items[i].Observation);
                sequences.Add(outcomes[i].Sequence);
            }
        }

        metrics.Observations.Add(fresh.Count, new KeyValuePair<string, object?>("outcome", "accepted"));
        if (duplicates > 0)
        {
            metrics.Observations.Add(duplicates, new KeyValuePair<string, object?>("outcome", "duplicate"));
        }

        RecordHealth(items, outcomes, now);
        if (fresh.Count > 0 && !queue.TryWrite(new TrackerWork([.. fresh], receivedTimestamp) { Sequences = [.. sequences] }))
        {
            metrics.Dropped.Add(fresh.Count, new KeyValuePair<string, object?>("reason", "queue_full"));
            foreach (var group in fresh.GroupBy(o => o.Sensor.Value, StringComparer.Ordinal))
            {
                health.Dropped(group.Key, group.Count());
            }
        }

        return outcomes;
    }

    private void RecordHealth(IReadOnlyList<JournalObservation> items, AppendOutcome[] outcomes, Timestamp now)
    {
        // Most requests come from one sensor: group without LINQ for that common case.
        var first = items[0].Observation.Sensor.Value;
        var single = true;
        for (var i = 1; i < items.Count && single; i++)
        {
            single = string.Equals(items[i].Observation.Sensor.Value, first, StringComparison.Ordinal);
        }

        if (single)
        {
            Record(first, items, outcomes, Enumerable.Range(0, items.Count), now);
            return;
        }

        foreach (var group in Enumerable.Range(0, items.Count).GroupBy(i => items[i].Observation.Sensor.Value, StringComparer.Ordinal))
        {
            Record(group.Key, items, outcomes, group, now);
        }
    }

    private void Record(string sensor, IReadOnlyList<JournalObservation> items, AppendOutcome[] outcomes, IEnumerable<int> indexes, Timestamp now)
    {
        int count = 0, duplicates = 0;
        var offset = 0.0;
        Observation? bearing = null;
        foreach (var i in indexes)
        {
            count++;
            duplicates += outcomes[i].Duplicate ? 1 : 0;
            var o = items[i].Observation;
            offset = o.ReceiveTime.SecondsSince(o.SensorTime);
            if (o.Measurement.Kind is MeasurementKind.Azimuth or MeasurementKind.AzimuthElevation && (bearing is null || o.SensorTime >= bearing.SensorTime))
            {
                bearing = o;
            }
        }

        health.Accepted(sensor, count - duplicates, duplicates, now, offset);
        if (bearing is not null)
        {
            var m = bearing.Measurement;
            health.Bearing(sensor, new SensorBearing(m.V0 * 180 / Math.PI, m.Kind == MeasurementKind.AzimuthElevation ? m.V1 * 180 / Math.PI : null, bearing.SensorTime));
        }
    }
}

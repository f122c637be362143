using System.Diagnostics;
using System.Globalization;
using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Scenarios.Format;

namespace Vigia.Cli.Replay;

/// <summary>
/// Plays a <c>cuas-scenario/1</c> file into a running server through its public API, as live sensors would:
/// registers the scenario's sensors the server lacks (admin key), then posts each scan as one batch, paced on
/// the wall clock. Sensor times are the scenario's times shifted so that the first scan is "now"; intervals
/// between scans are kept as in the file at every speed (the tracker sees the scenario's real kinematics;
/// only the wall-clock pacing changes).
/// </summary>
/// <remarks>
/// Radar detections go as <c>rae</c> (degrees, covariance in m²/deg² from the file's stated noise); ENU
/// positions (Remote ID) go as <c>geodetic</c> through the origin, with their UAS ID and operator position (if the
/// file gives one). Client ids are <c>NAME/SCAN/DETECTION</c>, so replaying the same file again is recognised as
/// duplicates (<see cref="ReplaySettings.ClientIdPrefix"/> replaces NAME where each pass must be new, as in
/// <c>vigia demo</c>).
/// </remarks>
internal sealed class ScenarioReplayer(ReplaySettings settings, GeoPosition origin, TextWriter progress)
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(2);
    private readonly LocalTangentPlane _plane = new(origin);

    /// <summary>Replays the scans of <paramref name="reader"/> (opened, header read) to the end of the file.</summary>
    public async Task<ReplaySummary> RunAsync(ScenarioReader reader, CancellationToken cancellationToken)
    {
        var summary = new ReplaySummary();
        using var api = new VigiaApiClient(settings.Server, settings.Key);
        await RegisterSensorsAsync(api, reader.Header, summary, cancellationToken).ConfigureAwait(false);

        using var batch = new ObservationBatchWriter();
        var wall = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        double? firstSeconds = null;
        var anchor = DateTimeOffset.UtcNow;
        var span = reader.Header.EndSeconds - reader.Header.StartSeconds;
        foreach (var scan in reader.ReadScans())
        {
            if (firstSeconds is null)
            {
                firstSeconds = scan.TimeSeconds;
                anchor = DateTimeOffset.UtcNow;
                wall.Restart();
            }

            var offset = scan.TimeSeconds - firstSeconds.Value;
            if (settings.Speed > 0)
            {
                var due = TimeSpan.FromSeconds(offset / settings.Speed) - wall.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, cancellationToken).ConfigureAwait(false);
                }
            }

            var sensorTime = anchor.AddTicks((long)Math.Round(offset * TimeSpan.TicksPerSecond));
            if (Fill(batch, scan, summary.Scans, sensorTime, summary) > 0)
            {
                var outcome = await api.PostObservationsAsync(batch.Complete(), cancellationToken).ConfigureAwait(false);
                summary.Requests++;
                summary.Observations += outcome.Items;
                summary.Duplicates += outcome.Duplicates;
                summary.Retries += outcome.Retries;
            }

            summary.Scans++;
            summary.ScenarioSeconds = offset;
            if (wall.Elapsed - lastProgress >= ProgressEvery)
            {
                lastProgress = wall.Elapsed;
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"replay: t = {scan.TimeSeconds:F1} s of {reader.Header.EndSeconds:F1} ({(span > 0 ? 100 * (scan.TimeSeconds - reader.Header.StartSeconds) / span : 100):F0} %), {summary.Scans} scans, {summary.Observations} observations, {summary.Duplicates} duplicates"));
            }
        }

        // Read to the end, so a fault after the scans (a truncated file) is reported too.
        reader.ReadToEnd();
        summary.ElapsedSeconds = wall.Elapsed.TotalSeconds;
        return summary;
    }

    private int Fill(ObservationBatchWriter batch, ScenarioScan scan, int scanIndex, DateTimeOffset sensorTime, ReplaySummary summary)
    {
        batch.Reset();
        var sensor = scan.Sensor.Value;
        for (var j = 0; j < scan.Observations.Count; j++)
        {
            var o = scan.Observations[j];
            var m = o.Measurement;
            var id = string.Create(CultureInfo.InvariantCulture, $"{settings.ClientIdPrefix ?? settings.ScenarioName}/{scanIndex}/{j}");
            switch (m.Kind)
            {
                case MeasurementKind.RangeAzimuthElevation:
                    batch.WriteRae(sensor, id, sensorTime, m.V0, m.V1, m.V2, m.Covariance);
                    break;
                case MeasurementKind.EnuPosition:
                    batch.WriteGeodetic(sensor, id, sensorTime, _plane.ToGeodetic(new EnuVector(m.V0, m.V1, m.V2)), m.Covariance, o.UasId, o.OperatorPosition);
                    break;
                default:
                    summary.Skipped++;
                    break;
            }
        }

        return batch.Count;
    }

    private async Task RegisterSensorsAsync(VigiaApiClient api, ScenarioHeader header, ReplaySummary summary, CancellationToken cancellationToken)
    {
        var known = await api.ListSensorIdsAsync(cancellationToken).ConfigureAwait(false);
        if (known is null)
        {
            progress.WriteLine("replay: this key may not list sensors (not an admin key); posting without registering");
            return;
        }

        foreach (var sensor in header.Sensors)
        {
            var id = sensor.Id.Value;
            if (known.Contains(id))
            {
                continue;
            }

            var kind = ServerKind(sensor);
            var position = _plane.ToGeodetic(sensor.Position);
            await api.RegisterSensorAsync(id, kind, position, $"replayed from scenario {settings.ScenarioName}", sensor.FieldOfView?.RangeMaxMeters, cancellationToken).ConfigureAwait(false);
            summary.Registered.Add($"{id} ({kind})");
        }
    }

    /// <summary>The server's sensor kind for a scenario sensor.</summary>
    internal static string ServerKind(ScenarioSensor sensor) =>
        sensor.Type == "radar" || sensor.Kind == MeasurementKind.RangeAzimuthElevation ? "radar"
        : sensor.Type is "remote_id" or "remote-id" ? "remote-id"
        : "observer";
}

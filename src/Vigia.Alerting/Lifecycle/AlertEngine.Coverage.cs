using System.Globalization;
using Vigia.Alerting.Alerts;
using Vigia.Core.Time;

namespace Vigia.Alerting.Lifecycle;

/// <summary>"Coverage lost": a sensor that goes down raises an advisory for the zones it covered.</summary>
public sealed partial class AlertEngine
{
    private readonly Dictionary<string, CoverageIncident> _coverage = new(StringComparer.Ordinal);
    private Dictionary<string, SensorCoverage> _sensors = new(StringComparer.Ordinal);

    /// <summary>Replaces what is known of the sensors' positions and ranges.</summary>
    public void ReplaceSensors(IEnumerable<SensorCoverage> sensors)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        _sensors = sensors.ToDictionary(s => s.SensorId, StringComparer.Ordinal);
    }

    /// <summary>
    /// A sensor went down at <paramref name="now"/>: raises a coverage-lost alert naming the zones it covered
    /// (every zone when its position or range is unknown), or nothing when it covered none or one stands already.
    /// </summary>
    public AlertEvent? SensorDown(string sensorId, Timestamp now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sensorId);
        if (_coverage.TryGetValue(sensorId, out var standing))
        {
            standing.UpSince = null;
            return null;
        }

        var covered = CoveredZones(sensorId);
        if (covered.Length == 0)
        {
            return null;
        }

        var alert = new Alert
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"coverage-{sensorId}-{now.ToDateTimeOffset():yyyyMMdd'T'HHmmss'Z'}"),
            Version = 1,
            Kind = AlertKind.CoverageLost,
            Level = AlertLevel.Advisory,
            PeakLevel = AlertLevel.Advisory,
            Reasons = [AlertReason.CoverageLost],
            SensorId = sensorId,
            CoveredZoneIds = covered,
            ConditionSince = now,
            RaisedAt = now,
            UpdatedAt = now,
            ExpiresAt = now.AddSeconds(_options.ExpirySeconds),
            Exercise = _options.Exercise,
        };
        _coverage[sensorId] = new CoverageIncident(alert);
        Store(alert);
        return new AlertEvent(AlertChange.Raised, alert);
    }

    /// <summary>A sensor is back: its coverage-lost alert clears once it has stayed up for the clear dwell.</summary>
    public void SensorUp(string sensorId, Timestamp now)
    {
        if (_coverage.TryGetValue(sensorId, out var standing))
        {
            standing.UpSince ??= now;
        }
    }

    private string[] CoveredZones(string sensorId)
    {
        var sensor = _sensors.GetValueOrDefault(sensorId);
        return [.. _zones
            .Where(z => sensor is not { Position: { } position, RangeMeters: { } range }
                || z.Zone.Zone.Geometry.DistanceMeters(position) <= range)
            .Select(z => z.Zone.Zone.Id)];
    }

    private void EvaluateCoverage(Timestamp now)
    {
        List<string>? done = null;
        foreach (var (sensorId, incident) in _coverage)
        {
            var current = incident.Alert;
            if (incident.UpSince is { } up && now.SecondsSince(up) >= _options.ClearAfterSeconds)
            {
                var cleared = NewVersion(current, now) with { ClearedAt = now };
                Store(cleared);
                _events.Add(new AlertEvent(AlertChange.Cleared, cleared));
                (done ??= []).Add(sensorId);
            }
            else if (now.SecondsSince(current.UpdatedAt) >= _options.ExpirySeconds / 2)
            {
                incident.Alert = NewVersion(current, now);
                Store(incident.Alert);
                _events.Add(new AlertEvent(AlertChange.Updated, incident.Alert));
            }
        }

        foreach (var sensorId in done ?? [])
        {
            _coverage.Remove(sensorId);
        }
    }
}

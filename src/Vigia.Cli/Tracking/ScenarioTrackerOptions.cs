using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Scenarios.Format;
using Vigia.Tracking.Trackers;

namespace Vigia.Cli.Tracking;

/// <summary>
/// Builds tracker options for a scenario from what its sensor descriptions state (the radar's
/// detection probability, false-alarm rate and field of view), as a site would from
/// its sensors' specifications. Truth is never consulted.
/// </summary>
internal static class ScenarioTrackerOptions
{
    public static TrackerOptions For(ScenarioHeader header, TrackerOptions baseOptions)
    {
        var sensors = new Dictionary<SensorId, SensorModel>(baseOptions.Sensors);
        foreach (var sensor in header.Sensors)
        {
            if (sensors.ContainsKey(sensor.Id))
            {
                continue;
            }

            var fallback = baseOptions.SensorModelFor(sensor.Id, sensor.Kind);
            var pd = sensor.DetectionProbability is > 0 and <= 1 ? sensor.DetectionProbability : fallback.DetectionProbability;
            var coverage = sensor.FieldOfView is { } fov
                ? new SensorCoverage(sensor.Position, fov.RangeMinMeters, fov.RangeMaxMeters, fov.AzimuthMinRadians, fov.AzimuthMaxRadians, fov.ElevationMinRadians, fov.ElevationMaxRadians)
                : null;
            sensors[sensor.Id] = new SensorModel(pd, ClutterDensity(sensor) ?? fallback.ClutterDensity, coverage);
        }

        return baseOptions with
        {
            Sensors = sensors,
            Frame = baseOptions.Frame ?? (header.OriginWgs84 is { } origin ? new LocalTangentPlane(origin) : null),
        };
    }

    /// <summary>False detections per scan per unit measurement volume, where the file gives enough to say.</summary>
    private static double? ClutterDensity(ScenarioSensor sensor)
    {
        if (sensor.ClutterPerScan <= 0)
        {
            return null;
        }

        if (sensor.Kind == MeasurementKind.RangeAzimuthElevation && sensor.FieldOfView is { } fov)
        {
            var volume = (fov.RangeMaxMeters - fov.RangeMinMeters)
                * (fov.AzimuthMaxRadians - fov.AzimuthMinRadians)
                * (fov.ElevationMaxRadians - fov.ElevationMinRadians);
            return volume > 0 ? sensor.ClutterPerScan / volume : null;
        }

        return null;
    }
}

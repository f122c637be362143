using Vigia.Core.Geodesy;
using Vigia.Core.Observations;

namespace Vigia.Scenarios.Format;

/// <summary>One entry of a scenario's <c>sensors</c> array.</summary>
public sealed record ScenarioSensor
{
    /// <summary>Sensor id, unique in the file (e.g. "radar-1").</summary>
    public required SensorId Id { get; init; }

    /// <summary>Sensor type text ("radar", "remote_id", ...).</summary>
    public required string Type { get; init; }

    /// <summary>The measurement kind of its detections.</summary>
    public required MeasurementKind Kind { get; init; }

    /// <summary>Position in the scenario ENU frame, metres.</summary>
    public EnuVector Position { get; init; }

    /// <summary>Default 1-sigma noise per value, in the units of the values (m, rad).</summary>
    public required IReadOnlyList<double> NoiseStd { get; init; }

    /// <summary>Scan period, seconds.</summary>
    public double PeriodSeconds { get; init; } = 1.0;

    /// <summary>Time of the first scan after start, seconds.</summary>
    public double OffsetSeconds { get; init; }

    /// <summary>Probability of detection (inside the field of view for radars).</summary>
    public double DetectionProbability { get; init; } = 1.0;

    /// <summary>Mean number of false detections per scan.</summary>
    public double ClutterPerScan { get; init; }

    /// <summary>Field of view for range/bearing sensors, or null.</summary>
    public ScenarioFieldOfView? FieldOfView { get; init; }
}

/// <summary>A radar's field of view: range, compass azimuth and elevation limits (metres, radians).</summary>
/// <param name="RangeMinMeters">Minimum range, m.</param>
/// <param name="RangeMaxMeters">Maximum range, m.</param>
/// <param name="AzimuthMinRadians">Minimum compass azimuth, rad.</param>
/// <param name="AzimuthMaxRadians">Maximum compass azimuth, rad.</param>
/// <param name="ElevationMinRadians">Minimum elevation, rad.</param>
/// <param name="ElevationMaxRadians">Maximum elevation, rad.</param>
public sealed record ScenarioFieldOfView(
    double RangeMinMeters, double RangeMaxMeters,
    double AzimuthMinRadians, double AzimuthMaxRadians,
    double ElevationMinRadians, double ElevationMaxRadians);

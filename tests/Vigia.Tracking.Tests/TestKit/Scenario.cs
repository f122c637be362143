using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Time;

namespace Vigia.Tracking.Tests.TestKit;

/// <summary>Builders for observations and measurements in the tracker tests.</summary>
internal static class Scenario
{
    /// <summary>An arbitrary fixed epoch (2025-06-15T15:06:40Z), so no test depends on the clock.</summary>
    public static readonly Timestamp T0 = Timestamp.FromUnixSeconds(1_750_000_000);

    public static readonly double HalfDegree = 0.5 * Math.PI / 180;

    public static Timestamp At(double seconds) => T0.AddSeconds(seconds);

    public static Observation Observe(string sensor, Timestamp time, Measurement measurement, string? uasId = null) => new()
    {
        Sensor = new SensorId(sensor),
        SensorTime = time,
        ReceiveTime = time,
        Measurement = measurement,
        UasId = uasId,
    };

    /// <summary>Noise-free [range, compass azimuth in [0, 2π), elevation] of <paramref name="target"/> from <paramref name="sensor"/>.</summary>
    public static (double Range, double Azimuth, double Elevation) Polar(EnuVector target, EnuVector sensor)
    {
        var d = target - sensor;
        var range = d.Length;
        // Compass azimuth as 90° minus the mathematical angle, normalised: a different route from the model's.
        var azimuth = (Math.PI / 2) - Math.Atan2(d.NorthMeters, d.EastMeters);
        azimuth = ((azimuth % (2 * Math.PI)) + (2 * Math.PI)) % (2 * Math.PI);
        var elevation = Math.Asin(d.UpMeters / range);
        return (range, azimuth, elevation);
    }

    /// <summary>A radar plot of <paramref name="target"/> with Gaussian noise σr (m) and σ (rad) on both angles.</summary>
    public static Measurement Radar(EnuVector target, EnuVector sensor, Random random, double rangeStd = 5, double angleStd = 0.5 * Math.PI / 180)
    {
        var (r, az, el) = Polar(target, sensor);
        r += rangeStd * random.NextGaussian();
        az = Wrap2Pi(az + (angleStd * random.NextGaussian()));
        el += angleStd * random.NextGaussian();
        return RadarPlot(r, az, el, sensor, rangeStd, angleStd);
    }

    public static Measurement RadarPlot(double range, double azimuth, double elevation, EnuVector sensor, double rangeStd = 5, double angleStd = 0.5 * Math.PI / 180) =>
        Measurement.RangeAzimuthElevation(range, azimuth, elevation, Matrix3x3.Diagonal(rangeStd * rangeStd, angleStd * angleStd, angleStd * angleStd), sensor);

    /// <summary>An ENU position report with isotropic noise σ (m).</summary>
    public static Measurement Position(EnuVector target, Random? random = null, double std = 5)
    {
        var noise = random is null ? EnuVector.Zero : new EnuVector(std * random.NextGaussian(), std * random.NextGaussian(), std * random.NextGaussian());
        return Measurement.EnuPosition(target + noise, Matrix3x3.Diagonal(std * std, std * std, std * std));
    }

    public static Measurement Bearing(double azimuth, EnuVector sensor, double std = 0.5 * Math.PI / 180) =>
        new(MeasurementKind.Azimuth, azimuth, 0, 0, Matrix3x3.Diagonal(std * std, 0, 0), sensor);

    public static Measurement BearingElevation(double azimuth, double elevation, EnuVector sensor, double std = 0.5 * Math.PI / 180) =>
        new(MeasurementKind.AzimuthElevation, azimuth, elevation, 0, Matrix3x3.Diagonal(std * std, std * std, 0), sensor);

    public static double Wrap2Pi(double radians) => ((radians % (2 * Math.PI)) + (2 * Math.PI)) % (2 * Math.PI);
}

using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;

namespace Vigia.Core.Observations;

/// <summary>
/// One measurement together with its measurement model: the <see cref="Kind"/> names h(x),
/// <see cref="SensorPosition"/> places the sensor for range and bearing kinds, and
/// <see cref="Covariance"/> is the measurement noise R in the units of the values <see cref="V0"/>…<see cref="V2"/>.
/// </summary>
/// <remarks>
/// Sensor positions and ENU values are in the picture frame of the consumer (a tracker's local
/// ENU frame, metres); the sensor's own axes are taken as parallel to that frame, which holds to
/// better than 0.01° within 1 km of the frame origin; adapters rotate bearings of distant sensors
/// into the picture frame before building a measurement. Thread-safety: immutable value type.
/// </remarks>
public readonly record struct Measurement
{
    /// <summary>Creates a measurement; see the properties for units.</summary>
    public Measurement(MeasurementKind kind, double v0, double v1, double v2, Matrix3x3 covariance, EnuVector sensorPosition = default)
    {
        Kind = kind;
        V0 = v0;
        V1 = v1;
        V2 = v2;
        Covariance = covariance;
        SensorPosition = sensorPosition;
    }

    /// <summary>Which measurement function this is.</summary>
    public MeasurementKind Kind { get; }

    /// <summary>First value (east m, latitude deg, range m or azimuth rad, by <see cref="Kind"/>).</summary>
    public double V0 { get; }

    /// <summary>Second value (north m, longitude deg, azimuth rad or elevation rad), if the kind has one.</summary>
    public double V1 { get; }

    /// <summary>Third value (up m, ellipsoidal height m, or elevation rad), if the kind has one.</summary>
    public double V2 { get; }

    /// <summary>Measurement noise covariance; only the top-left <see cref="Dimension"/> block is used.</summary>
    public Matrix3x3 Covariance { get; }

    /// <summary>Sensor position in the picture's ENU frame, metres (range and bearing kinds).</summary>
    public EnuVector SensorPosition { get; }

    /// <summary>Number of values the kind has (1, 2 or 3).</summary>
    public int Dimension => DimensionOf(Kind);

    /// <summary>Number of values a kind has.</summary>
    public static int DimensionOf(MeasurementKind kind) => kind switch
    {
        MeasurementKind.Azimuth => 1,
        MeasurementKind.AzimuthElevation => 2,
        _ => 3,
    };

    /// <summary>An ENU position measurement, metres, with its covariance in metres².</summary>
    public static Measurement EnuPosition(EnuVector position, Matrix3x3 covariance) =>
        new(MeasurementKind.EnuPosition, position.EastMeters, position.NorthMeters, position.UpMeters, covariance);

    /// <summary>A radar plot [range m, azimuth rad, elevation rad] from <paramref name="sensor"/>.</summary>
    public static Measurement RangeAzimuthElevation(double rangeMeters, double azimuthRadians, double elevationRadians, Matrix3x3 covariance, EnuVector sensor) =>
        new(MeasurementKind.RangeAzimuthElevation, rangeMeters, azimuthRadians, elevationRadians, covariance, sensor);

    /// <summary>Checks the values and covariance; returns <see cref="ObservationFault.None"/> if usable.</summary>
    public ObservationFault Validate()
    {
        var n = Dimension;
        if (!double.IsFinite(V0) || (n > 1 && !double.IsFinite(V1)) || (n > 2 && !double.IsFinite(V2)) || !SensorPosition.IsFinite)
        {
            return ObservationFault.NonFiniteValue;
        }

        switch (Kind)
        {
            case MeasurementKind.GeodeticPosition when Math.Abs(V0) > 90 || Math.Abs(V1) > 180:
                return ObservationFault.ValueOutOfRange;
            case MeasurementKind.RangeAzimuthElevation when V0 < 0 || Math.Abs(V2) > Math.PI / 2:
                return ObservationFault.ValueOutOfRange;
            case MeasurementKind.AzimuthElevation when Math.Abs(V1) > Math.PI / 2:
                return ObservationFault.ValueOutOfRange;
        }

        return Covariance.IsSymmetricPositiveDefinite(n) ? ObservationFault.None : ObservationFault.CovarianceNotPositiveDefinite;
    }
}

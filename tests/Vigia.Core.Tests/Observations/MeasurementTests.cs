using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;

namespace Vigia.Core.Tests.Observations;

public sealed class MeasurementTests
{
    private static Matrix3x3 Unit => Matrix3x3.Diagonal(1, 1, 1);

    public static TheoryData<string, ObservationFault> Cases => new()
    {
        { "enu ok", ObservationFault.None },
        { "geodetic ok", ObservationFault.None },
        { "radar ok", ObservationFault.None },
        { "azimuth ok", ObservationFault.None },
        { "azimuth ignores unused values", ObservationFault.None },
        { "az-el ok", ObservationFault.None },
        { "enu NaN east", ObservationFault.NonFiniteValue },
        { "enu infinite up", ObservationFault.NonFiniteValue },
        { "az-el NaN elevation", ObservationFault.NonFiniteValue },
        { "radar NaN sensor position", ObservationFault.NonFiniteValue },
        { "geodetic latitude 90.5", ObservationFault.ValueOutOfRange },
        { "geodetic longitude -180.5", ObservationFault.ValueOutOfRange },
        { "radar negative range", ObservationFault.ValueOutOfRange },
        { "radar elevation beyond 90 degrees", ObservationFault.ValueOutOfRange },
        { "az-el elevation beyond 90 degrees", ObservationFault.ValueOutOfRange },
        { "enu indefinite covariance", ObservationFault.CovarianceNotPositiveDefinite },
        { "enu asymmetric covariance", ObservationFault.CovarianceNotPositiveDefinite },
        { "azimuth zero variance", ObservationFault.CovarianceNotPositiveDefinite },
        { "az-el NaN covariance", ObservationFault.CovarianceNotPositiveDefinite },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_Case_ReturnsExpectedFault(string name, ObservationFault expected)
    {
        Assert.Equal(expected, Build(name).Validate());
    }

    [Theory]
    [InlineData(MeasurementKind.EnuPosition, 3)]
    [InlineData(MeasurementKind.GeodeticPosition, 3)]
    [InlineData(MeasurementKind.RangeAzimuthElevation, 3)]
    [InlineData(MeasurementKind.Azimuth, 1)]
    [InlineData(MeasurementKind.AzimuthElevation, 2)]
    public void DimensionOf_EachKind_IsItsValueCount(MeasurementKind kind, int expected)
    {
        Assert.Equal(expected, Measurement.DimensionOf(kind));
    }

    private static Measurement Build(string name) => name switch
    {
        "enu ok" => Measurement.EnuPosition(new EnuVector(1, 2, 3), Unit),
        "geodetic ok" => new Measurement(MeasurementKind.GeodeticPosition, -90.0, 180.0, 120.0, Unit),
        "radar ok" => Measurement.RangeAzimuthElevation(1500.0, 1.0, Math.PI / 2, Unit, new EnuVector(10, 20, 5)),
        "azimuth ok" => new Measurement(MeasurementKind.Azimuth, 0.5, 0, 0, Matrix3x3.Diagonal(0.01, 0, 0)),
        "azimuth ignores unused values" => new Measurement(MeasurementKind.Azimuth, 0.5, double.NaN, double.NaN, Matrix3x3.Diagonal(0.01, -1, double.NaN)),
        "az-el ok" => new Measurement(MeasurementKind.AzimuthElevation, 0.5, -0.2, double.NaN, Matrix3x3.Diagonal(0.01, 0.02, 0)),
        "enu NaN east" => Measurement.EnuPosition(new EnuVector(double.NaN, 2, 3), Unit),
        "enu infinite up" => Measurement.EnuPosition(new EnuVector(1, 2, double.PositiveInfinity), Unit),
        "az-el NaN elevation" => new Measurement(MeasurementKind.AzimuthElevation, 0.5, double.NaN, 0, Unit),
        "radar NaN sensor position" => Measurement.RangeAzimuthElevation(1500.0, 1.0, 0.1, Unit, new EnuVector(0, double.NaN, 0)),
        "geodetic latitude 90.5" => new Measurement(MeasurementKind.GeodeticPosition, 90.5, 0.0, 0.0, Unit),
        "geodetic longitude -180.5" => new Measurement(MeasurementKind.GeodeticPosition, 0.0, -180.5, 0.0, Unit),
        "radar negative range" => Measurement.RangeAzimuthElevation(-1.0, 1.0, 0.1, Unit, default),
        "radar elevation beyond 90 degrees" => Measurement.RangeAzimuthElevation(100.0, 1.0, -1.6, Unit, default),
        "az-el elevation beyond 90 degrees" => new Measurement(MeasurementKind.AzimuthElevation, 0.5, 1.6, 0, Unit),
        "enu indefinite covariance" => Measurement.EnuPosition(new EnuVector(1, 2, 3), Matrix3x3.Diagonal(1, 1, -1)),
        "enu asymmetric covariance" => Measurement.EnuPosition(new EnuVector(1, 2, 3), new Matrix3x3(2, 0.5, 0, 0, 2, 0, 0, 0, 2)),
        "azimuth zero variance" => new Measurement(MeasurementKind.Azimuth, 0.5, 0, 0, Matrix3x3.Diagonal(0, 1, 1)),
        "az-el NaN covariance" => new Measurement(MeasurementKind.AzimuthElevation, 0.5, 0.1, 0, Matrix3x3.Diagonal(0.01, double.NaN, 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
    };
}

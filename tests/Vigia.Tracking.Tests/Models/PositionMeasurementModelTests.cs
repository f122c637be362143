using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Tracking.Models;

namespace Vigia.Tracking.Tests.Models;

public sealed class PositionMeasurementModelTests
{
    private static readonly PositionMeasurementModel Model = PositionMeasurementModel.Instance;

    [Fact]
    public void Evaluate_State_IsItsPosition()
    {
        var hx = new double[3];
        Model.Evaluate([1, -2, 3, 40, 50, 60], Measurement.EnuPosition(EnuVector.Zero, Matrix3x3.Diagonal(1, 1, 1)), hx);

        Assert.Equal([1.0, -2.0, 3.0], hx);
    }

    [Fact]
    public void Jacobian_Any_IsIdentityOnPositionAndZeroOnVelocity()
    {
        var h = new double[18];
        h.AsSpan().Fill(double.NaN);
        Model.Jacobian([1, 2, 3, 4, 5, 6], Measurement.EnuPosition(EnuVector.Zero, Matrix3x3.Diagonal(1, 1, 1)), h);

        double[] expected = [1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0];
        Assert.Equal(expected, h);
    }

    [Fact]
    public void TryInvert_Position_ReturnsTheValuesAndTheFullCovariance()
    {
        var r = new Matrix3x3(4, 1, 0.5, 1, 9, -2, 0.5, -2, 16);
        var position = new double[3];
        var covariance = new double[9];

        Assert.True(Model.TryInvert(Measurement.EnuPosition(new EnuVector(7, 8, 9), r), position, covariance));
        Assert.Equal([7.0, 8.0, 9.0], position);
        Assert.Equal([4, 1, 0.5, 1, 9, -2, 0.5, -2, 16], covariance);
    }

    [Theory]
    [InlineData(MeasurementKind.EnuPosition, typeof(PositionMeasurementModel), 3)]
    [InlineData(MeasurementKind.RangeAzimuthElevation, typeof(RangeAzimuthElevationModel), 3)]
    [InlineData(MeasurementKind.Azimuth, typeof(AzimuthElevationModel), 1)]
    [InlineData(MeasurementKind.AzimuthElevation, typeof(AzimuthElevationModel), 2)]
    public void MeasurementModelsFor_FusedKind_IsAModelOfTheKindsDimension(MeasurementKind kind, Type type, int dimension)
    {
        var model = MeasurementModels.For(kind);

        Assert.IsType(type, model);
        Assert.Equal(dimension, model!.Dimension);
        Assert.Equal(Measurement.DimensionOf(kind), model.Dimension);
    }

    [Fact]
    public void MeasurementModelsFor_Geodetic_HasNoModel()
    {
        Assert.Null(MeasurementModels.For(MeasurementKind.GeodeticPosition));
    }
}

using Vigia.Core.Geodesy;
using Vigia.Tracking.Models;
using Vigia.Tracking.Tests.TestKit;

namespace Vigia.Tracking.Tests.Models;

public sealed class AzimuthElevationModelTests
{
    [Fact]
    public void Dimensions_AzimuthOnlyIsOneValueAndWithElevationTwo_BothWrapTheFirst()
    {
        Assert.Equal(1, AzimuthElevationModel.AzimuthOnly.Dimension);
        Assert.Equal(2, AzimuthElevationModel.WithElevation.Dimension);
        Assert.Equal(0, AzimuthElevationModel.AzimuthOnly.AzimuthIndex);
        Assert.Equal(0, AzimuthElevationModel.WithElevation.AzimuthIndex);
    }

    [Fact]
    public void Evaluate_RandomGeometry_MatchesIndependentTrigonometry()
    {
        var single = new double[1];
        var pair = new double[2];
        foreach (var (x, sensor) in RangeAzimuthElevationModelTests.RandomGeometry(500, seed: 11))
        {
            var measurement = Scenario.BearingElevation(0, 0, sensor);
            var (_, azimuth, elevation) = Scenario.Polar(new EnuVector(x[0], x[1], x[2]), sensor);
            AzimuthElevationModel.AzimuthOnly.Evaluate(x, measurement, single);
            AzimuthElevationModel.WithElevation.Evaluate(x, measurement, pair);

            Assert.Equal(0, Dense.Wrap(azimuth - single[0]), 1e-12);
            Assert.Equal(0, Dense.Wrap(azimuth - pair[0]), 1e-12);
            Assert.Equal(elevation, pair[1], 1e-12);
        }
    }

    [Fact]
    public void Jacobian_RandomGeometry_MatchesCentralFiniteDifferences()
    {
        foreach (var model in new[] { AzimuthElevationModel.AzimuthOnly, AzimuthElevationModel.WithElevation })
        {
            var m = model.Dimension;
            var analytic = new double[m * 6];
            var plus = new double[m];
            var minus = new double[m];
            foreach (var (x, sensor) in RangeAzimuthElevationModelTests.RandomGeometry(300, seed: 12))
            {
                var measurement = Scenario.BearingElevation(0, 0, sensor);
                model.Jacobian(x, measurement, analytic);
                for (var col = 0; col < 6; col++)
                {
                    const double step = 1e-3;
                    var xp = (double[])x.Clone();
                    var xm = (double[])x.Clone();
                    xp[col] += step;
                    xm[col] -= step;
                    model.Evaluate(xp, measurement, plus);
                    model.Evaluate(xm, measurement, minus);
                    for (var row = 0; row < m; row++)
                    {
                        var difference = row == 0 ? Dense.Wrap(plus[row] - minus[row]) : plus[row] - minus[row];
                        var numeric = difference / (2 * step);
                        var a = analytic[row * 6 + col];
                        Assert.True(Math.Abs(numeric - a) <= 1e-6 * Math.Max(Math.Abs(a), 1e-3), $"m={m} ∂h{row}/∂x{col}: analytic {a}, numeric {numeric}");
                    }
                }
            }
        }
    }

    [Fact]
    public void TryInvert_Bearings_DoNotFixAPosition()
    {
        var position = new double[3];
        var covariance = new double[9];

        Assert.False(AzimuthElevationModel.AzimuthOnly.TryInvert(Scenario.Bearing(1, EnuVector.Zero), position, covariance));
        Assert.False(AzimuthElevationModel.WithElevation.TryInvert(Scenario.BearingElevation(1, 0.1, EnuVector.Zero), position, covariance));
    }
}

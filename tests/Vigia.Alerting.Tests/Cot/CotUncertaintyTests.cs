using Vigia.Alerting.Cot;
using Vigia.Core.Numerics;

namespace Vigia.Alerting.Tests.Cot;

public sealed class CotUncertaintyTests
{
    [Fact]
    public void Diagonal_CeIsTheLargerHorizontalSigma_LeTheVerticalSigma()
    {
        var covariance = Matrix3x3.Diagonal(9, 4, 2.25);

        Assert.Equal(3.0, CotUncertainty.HorizontalSigmaMeters(covariance)!.Value, 12);
        Assert.Equal(1.5, CotUncertainty.VerticalSigmaMeters(covariance)!.Value, 12);
    }

    [Fact]
    public void RotatedEllipse_CeIsItsMajorSemiAxis()
    {
        // Sigmas 5 m and 2 m along axes rotated 30°: R·diag(25, 4)·Rᵀ.
        var (c, s) = (Math.Cos(Math.PI / 6), Math.Sin(Math.PI / 6));
        var ee = (25 * c * c) + (4 * s * s);
        var nn = (25 * s * s) + (4 * c * c);
        var en = (25 - 4) * c * s;
        var covariance = new Matrix3x3(ee, en, 0, en, nn, 0, 0, 0, 16);

        Assert.Equal(5.0, CotUncertainty.HorizontalSigmaMeters(covariance)!.Value, 9);
        Assert.Equal(4.0, CotUncertainty.VerticalSigmaMeters(covariance)!.Value, 12);
    }

    [Fact]
    public void NotACovariance_GivesUnknown()
    {
        Assert.Null(CotUncertainty.HorizontalSigmaMeters(Matrix3x3.Diagonal(-1, 4, 1)));
        Assert.Null(CotUncertainty.HorizontalSigmaMeters(new Matrix3x3(1, 5, 0, 5, 1, 0, 0, 0, 1)));
        Assert.Null(CotUncertainty.HorizontalSigmaMeters(Matrix3x3.Diagonal(double.NaN, 4, 1)));
        Assert.Null(CotUncertainty.VerticalSigmaMeters(Matrix3x3.Diagonal(1, 1, double.PositiveInfinity)));
    }
}

using Vigia.Core.Observations;
using Vigia.Tracking.Filters;
using Vigia.Tracking.Tests.TestKit;

namespace Vigia.Tracking.Tests.Filters;

public sealed class ExtendedKalmanUpdaterTests : UpdaterContract<ExtendedKalmanUpdater>
{
    protected override ExtendedKalmanUpdater CreateUpdater() => ExtendedKalmanUpdater.Instance;

    [Theory]
    [InlineData(MeasurementKind.EnuPosition)]
    [InlineData(MeasurementKind.RangeAzimuthElevation)]
    [InlineData(MeasurementKind.Azimuth)]
    [InlineData(MeasurementKind.AzimuthElevation)]
    public void TryInnovate_RandomCases_SIsHPHtPlusRAndCrossCovarianceIsPHt(MeasurementKind kind)
    {
        foreach (var c in UpdaterCase.Random(kind, 50, seed: 700 + (int)kind))
        {
            var m = c.Model.Dimension;
            var h = new double[m * 6];
            c.Model.Jacobian(c.Prior.Mean, c.Measurement, h);
            var pht = Dense.Multiply(c.Prior.Covariance, Dense.Transpose(h, m, 6), 6, 6, m);
            var s = Dense.Multiply(h, pht, m, 6, m);
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < m; j++)
                {
                    s[i * m + j] += c.Measurement.Covariance[i, j];
                }
            }

            var innovation = default(Innovation);
            Assert.True(CreateUpdater().TryInnovate(c.Prior, c.Measurement, c.Model, ref innovation));

            for (var k = 0; k < m * m; k++)
            {
                Assert.Equal(s[k], innovation.S[k], 1e-9 * Math.Abs(s[k]) + 1e-15);
            }

            for (var k = 0; k < 6 * m; k++)
            {
                Assert.Equal(pht[k], innovation.CrossCovariance[k], 1e-9 * Math.Abs(pht[k]) + 1e-12);
            }
        }
    }
}

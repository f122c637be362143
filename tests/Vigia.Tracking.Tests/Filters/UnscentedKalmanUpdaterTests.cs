using Vigia.Core.Observations;
using Vigia.Tracking.Filters;
using Vigia.Tracking.Models;

namespace Vigia.Tracking.Tests.Filters;

public sealed class UnscentedKalmanUpdaterTests : UpdaterContract<UnscentedKalmanUpdater>
{
    /// <summary>
    /// The sigma-point mean of a nonlinear h is not h(mean): with prior position σ ≤ 20 m at ≥ 400 m
    /// range the curvature bias is a few metres, a small fraction of a prior sigma.
    /// </summary>
    protected override double NonlinearMeanShiftTolerance => 0.2;

    protected override UnscentedKalmanUpdater CreateUpdater() => new();

    [Fact]
    public void Update_LinearPositionModel_EqualsTheExtendedKalmanUpdate()
    {
        foreach (var c in UpdaterCase.Random(MeasurementKind.EnuPosition, 100, seed: 800))
        {
            var ukf = c.ClonePrior();
            var ekf = c.ClonePrior();
            var a = default(Innovation);
            var b = default(Innovation);
            Assert.True(CreateUpdater().TryInnovate(ukf, c.Measurement, PositionMeasurementModel.Instance, ref a));
            Assert.True(ExtendedKalmanUpdater.Instance.TryInnovate(ekf, c.Measurement, PositionMeasurementModel.Instance, ref b));
            Assert.Equal(b.MahalanobisSquared, a.MahalanobisSquared, 1e-6 * Math.Max(1, b.MahalanobisSquared));
            CreateUpdater().Update(ukf, ref a);
            ExtendedKalmanUpdater.Instance.Update(ekf, ref b);

            for (var k = 0; k < 6; k++)
            {
                Assert.Equal(ekf.Mean[k], ukf.Mean[k], 1e-6);
            }

            for (var k = 0; k < 36; k++)
            {
                Assert.Equal(ekf.Covariance[k], ukf.Covariance[k], 1e-6 * Math.Max(1, Math.Abs(ekf.Covariance[k])));
            }
        }
    }
}

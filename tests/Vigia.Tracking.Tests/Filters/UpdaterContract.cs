using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Tracking.Filters;
using Vigia.Tracking.Models;
using Vigia.Tracking.Tests.TestKit;

namespace Vigia.Tracking.Tests.Filters;

/// <summary>
/// What every <see cref="IUpdater"/> must do, whatever its linearisation (house style §6: one
/// abstract contract, one tiny subclass per implementation).
/// </summary>
public abstract class UpdaterContract<TUpdater>
    where TUpdater : IUpdater
{
    private const int CasesPerKind = 300;

    protected abstract TUpdater CreateUpdater();

    /// <summary>
    /// How far (in prior Mahalanobis distance) the mean may move when the measurement equals h(mean)
    /// under a nonlinear model: zero for an updater linearised at the mean.
    /// </summary>
    protected virtual double NonlinearMeanShiftTolerance => 1e-9;

    [Theory]
    [InlineData(MeasurementKind.EnuPosition)]
    [InlineData(MeasurementKind.RangeAzimuthElevation)]
    [InlineData(MeasurementKind.Azimuth)]
    [InlineData(MeasurementKind.AzimuthElevation)]
    public void Update_RandomPriorsAndMeasurements_PosteriorCovarianceIsSymmetricPositiveDefinite(MeasurementKind kind)
    {
        var updater = CreateUpdater();
        foreach (var c in UpdaterCase.Random(kind, CasesPerKind, seed: 100 + (int)kind))
        {
            var state = c.ClonePrior();
            var innovation = default(Innovation);
            Assert.True(updater.TryInnovate(state, c.Measurement, c.Model, ref innovation));
            updater.Update(state, ref innovation);

            Assert.All(state.Mean, v => Assert.True(double.IsFinite(v)));
            Assert.True(Dense.Asymmetry(state.Covariance, 6) < 1e-12, "posterior covariance is not symmetric");
            Assert.True(Dense.SmallestEigenvalue(state.Covariance, 6) > 0, "posterior covariance is not positive definite");
        }
    }

    [Theory]
    [InlineData(MeasurementKind.EnuPosition)]
    [InlineData(MeasurementKind.RangeAzimuthElevation)]
    [InlineData(MeasurementKind.Azimuth)]
    [InlineData(MeasurementKind.AzimuthElevation)]
    public void Update_RandomPriorsAndMeasurements_NeverIncreasesAnyStateVariance(MeasurementKind kind)
    {
        var updater = CreateUpdater();
        foreach (var c in UpdaterCase.Random(kind, CasesPerKind, seed: 200 + (int)kind))
        {
            var state = c.ClonePrior();
            var innovation = default(Innovation);
            Assert.True(updater.TryInnovate(state, c.Measurement, c.Model, ref innovation));
            updater.Update(state, ref innovation);

            for (var k = 0; k < 6; k++)
            {
                var before = c.Prior.Covariance[k * 7];
                Assert.True(state.Covariance[k * 7] <= before * (1 + 1e-12), $"variance {k} grew from {before} to {state.Covariance[k * 7]}");
            }
        }
    }

    [Fact]
    public void Update_ZeroNoisePositionMeasurement_HitsTheMeasurement()
    {
        var updater = CreateUpdater();
        var random = new Random(300);
        for (var i = 0; i < CasesPerKind; i++)
        {
            var state = UpdaterCase.RandomPrior(random);
            var z = new EnuVector(state.Mean[0] + (20 * random.NextGaussian()), state.Mean[1] + (20 * random.NextGaussian()), state.Mean[2] + (20 * random.NextGaussian()));
            var measurement = Measurement.EnuPosition(z, default);
            var innovation = default(Innovation);
            Assert.True(updater.TryInnovate(state, measurement, PositionMeasurementModel.Instance, ref innovation));
            updater.Update(state, ref innovation);

            Assert.Equal(z.EastMeters, state.Mean[0], 1e-6);
            Assert.Equal(z.NorthMeters, state.Mean[1], 1e-6);
            Assert.Equal(z.UpMeters, state.Mean[2], 1e-6);
            for (var k = 0; k < 3; k++)
            {
                Assert.True(Math.Abs(state.Covariance[k * 7]) < 1e-6, $"position variance {k} is {state.Covariance[k * 7]}, not 0");
            }
        }
    }

    [Theory]
    [InlineData(MeasurementKind.EnuPosition)]
    [InlineData(MeasurementKind.RangeAzimuthElevation)]
    [InlineData(MeasurementKind.Azimuth)]
    [InlineData(MeasurementKind.AzimuthElevation)]
    public void Update_MeasurementEqualToPredictedMeasurement_LeavesTheMeanUnchanged(MeasurementKind kind)
    {
        var updater = CreateUpdater();
        var tolerance = kind == MeasurementKind.EnuPosition ? 1e-9 : NonlinearMeanShiftTolerance;
        foreach (var c in UpdaterCase.Random(kind, CasesPerKind, seed: 400 + (int)kind, maxPositionStd: 20))
        {
            var hx = new double[3];
            c.Model.Evaluate(c.Prior.Mean, c.Measurement, hx);
            var m = c.Measurement;
            var exact = new Measurement(m.Kind, hx[0], c.Model.Dimension > 1 ? hx[1] : 0, c.Model.Dimension > 2 ? hx[2] : 0, m.Covariance, m.SensorPosition);
            var state = c.ClonePrior();
            var innovation = default(Innovation);
            Assert.True(updater.TryInnovate(state, exact, c.Model, ref innovation));
            updater.Update(state, ref innovation);

            var shift = new double[6];
            for (var k = 0; k < 6; k++)
            {
                shift[k] = state.Mean[k] - c.Prior.Mean[k];
            }

            var priorInverse = Dense.Invert(c.Prior.Covariance, 6, out _)!;
            var d2 = Dense.Multiply(shift, Dense.Multiply(priorInverse, shift, 6, 6, 1), 1, 6, 1)[0];
            Assert.True(Math.Sqrt(d2) <= tolerance, $"mean moved by {Math.Sqrt(d2)} prior sigmas");
        }
    }

    [Theory]
    [InlineData(MeasurementKind.Azimuth)]
    [InlineData(MeasurementKind.AzimuthElevation)]
    [InlineData(MeasurementKind.RangeAzimuthElevation)]
    public void Update_StateAt359Point9DegreesMeasurementAt0Point1_InnovationWrapsAndUpdateIsSmall(MeasurementKind kind)
    {
        // Target 1 km from the sensor at a compass bearing of 359.9°, seen at 0.1°: ν must be +0.2°, not −359.8°.
        var sensor = UpdaterCase.Sensor;
        var bearing = 359.9 * Math.PI / 180;
        var mean = new double[] { sensor.EastMeters + (1000 * Math.Sin(bearing)), sensor.NorthMeters + (1000 * Math.Cos(bearing)), 120, 0, 10, 0 };
        var covariance = new double[36];
        for (var k = 0; k < 6; k++)
        {
            covariance[k * 7] = k < 3 ? 30 * 30 : 5 * 5;
        }

        var state = new GaussianState(mean, covariance);
        var measured = 0.1 * Math.PI / 180;
        var std = 0.5 * Math.PI / 180;
        var (range, _, elevation) = Scenario.Polar(new EnuVector(mean[0], mean[1], mean[2]), sensor);
        var measurement = kind switch
        {
            MeasurementKind.Azimuth => Scenario.Bearing(measured, sensor, std),
            MeasurementKind.AzimuthElevation => Scenario.BearingElevation(measured, elevation, sensor, std),
            _ => Scenario.RadarPlot(range, measured, elevation, sensor, 5, std),
        };
        var model = MeasurementModels.For(kind)!;
        var updater = CreateUpdater();
        var innovation = default(Innovation);

        Assert.True(updater.TryInnovate(state, measurement, model, ref innovation));
        var nu = innovation.Nu[model.AzimuthIndex];
        Assert.InRange(nu, 0.19 * Math.PI / 180, 0.21 * Math.PI / 180);
        Assert.True(innovation.MahalanobisSquared < 1, $"d² = {innovation.MahalanobisSquared}");

        updater.Update(state, ref innovation);
        var moved = Math.Sqrt(Math.Pow(state.Mean[0] - mean[0], 2) + Math.Pow(state.Mean[1] - mean[1], 2));
        Assert.InRange(moved, 0.5, 10);
        var (_, posteriorBearing, _) = Scenario.Polar(new EnuVector(state.Mean[0], state.Mean[1], state.Mean[2]), sensor);
        Assert.True(Math.Abs(Dense.Wrap(posteriorBearing - measured)) < Math.Abs(Dense.Wrap(bearing - measured)), "the update did not move the bearing towards the measurement");
    }

    [Theory]
    [InlineData(MeasurementKind.EnuPosition)]
    [InlineData(MeasurementKind.RangeAzimuthElevation)]
    [InlineData(MeasurementKind.Azimuth)]
    [InlineData(MeasurementKind.AzimuthElevation)]
    public void TryInnovate_RandomCases_MahalanobisAndLogLikelihoodMatchDirectComputation(MeasurementKind kind)
    {
        var updater = CreateUpdater();
        foreach (var c in UpdaterCase.Random(kind, CasesPerKind, seed: 500 + (int)kind))
        {
            var innovation = default(Innovation);
            Assert.True(updater.TryInnovate(c.Prior, c.Measurement, c.Model, ref innovation));
            var m = c.Model.Dimension;
            Assert.Equal(m, innovation.Dimension);

            var s = innovation.S.ToArray();
            var nu = innovation.Nu.ToArray();
            var inverse = Dense.Invert(s, m, out var determinant)!;
            var d2 = Dense.Multiply(nu, Dense.Multiply(inverse, nu, m, m, 1), 1, m, 1)[0];
            var logLikelihood = -0.5 * (d2 + Math.Log(determinant) + (m * Math.Log(2 * Math.PI)));

            Assert.Equal(d2, innovation.MahalanobisSquared, 1e-9 * Math.Max(1, d2));
            Assert.Equal(Math.Log(determinant), innovation.LogDeterminant, 1e-9);
            Assert.Equal(logLikelihood, innovation.LogLikelihood, 1e-9 * Math.Max(1, Math.Abs(logLikelihood)));
            var product = Dense.Multiply(s, innovation.SInverse.ToArray(), m, m, m);
            var identity = Dense.Identity(m);
            for (var k = 0; k < m * m; k++)
            {
                Assert.Equal(identity[k], product[k], 1e-9);
            }
        }
    }

    [Fact]
    public void TryInnovate_ZeroMeanSmallNoise_LogLikelihoodIsTheGaussianDensityPeak()
    {
        // S = diag(4, 9, 16) up to a negligible prior (the unscented updater needs a positive-definite
        // prior for its sigma points): ln N(0; 0, S) = −½ (ln 576 + 3 ln 2π).
        var prior = new double[36];
        for (var k = 0; k < 6; k++)
        {
            prior[k * 7] = 1e-12;
        }

        var state = new GaussianState([10, 20, 30, 0, 0, 0], prior);
        var measurement = Measurement.EnuPosition(new EnuVector(10, 20, 30), Matrix3x3.Diagonal(4, 9, 16));
        var innovation = default(Innovation);
        var updater = CreateUpdater();

        Assert.True(updater.TryInnovate(state, measurement, PositionMeasurementModel.Instance, ref innovation));
        Assert.Equal(0, innovation.MahalanobisSquared, 1e-12);
        Assert.Equal(-0.5 * (Math.Log(576) + (3 * Math.Log(2 * Math.PI))), innovation.LogLikelihood, 1e-9);
    }

    [Theory]
    [InlineData("negative prior", MeasurementKind.EnuPosition)]
    [InlineData("negative prior", MeasurementKind.RangeAzimuthElevation)]
    [InlineData("NaN prior", MeasurementKind.EnuPosition)]
    [InlineData("NaN prior", MeasurementKind.Azimuth)]
    [InlineData("negative noise", MeasurementKind.EnuPosition)]
    [InlineData("negative noise", MeasurementKind.RangeAzimuthElevation)]
    [InlineData("negative noise", MeasurementKind.AzimuthElevation)]
    public void TryInnovate_CovarianceNotPositiveDefinite_ReturnsFalseWithoutThrowing(string what, MeasurementKind kind)
    {
        var c = UpdaterCase.Random(kind, 1, seed: 600).Single();
        var state = c.ClonePrior();
        var measurement = c.Measurement;
        switch (what)
        {
            case "negative prior":
                Array.Clear(state.Covariance);
                for (var k = 0; k < 6; k++)
                {
                    state.Covariance[k * 7] = -1e4;
                }

                break;
            case "NaN prior":
                state.Covariance[0] = double.NaN;
                break;
            default:
                measurement = new Measurement(kind, measurement.V0, measurement.V1, measurement.V2, Matrix3x3.Diagonal(-1e12, -1e12, -1e12), measurement.SensorPosition);
                break;
        }

        var innovation = default(Innovation);
        var ok = CreateUpdater().TryInnovate(state, measurement, c.Model, ref innovation);

        Assert.False(ok);
    }
}

using Vigia.Tracking.Filters;
using Vigia.Tracking.Models;
using Vigia.Tracking.Tests.TestKit;

namespace Vigia.Tracking.Tests.Filters;

public sealed class KalmanPredictorTests
{
    public static TheoryData<string> Models => ["cv", "hover"];

    private static ITransitionModel Create(string name) => name == "cv" ? new ConstantVelocityModel(5, 0.5) : new HoverModel(0.1, 0.05, 1.5);

    [Theory]
    [MemberData(nameof(Models))]
    public void Predict_RandomPriors_MatchesFxAndFPFtPlusQ(string name)
    {
        var model = Create(name);
        var random = new Random(21);
        var f = new double[36];
        var q = new double[36];
        for (var i = 0; i < 200; i++)
        {
            var state = UpdaterCase.RandomPrior(random);
            var dt = random.NextUniform(0, 5);
            model.Transition(dt, f, q);
            var mean = Dense.Multiply(f, state.Mean, 6, 6, 1);
            var covariance = Dense.Multiply(Dense.Multiply(f, state.Covariance, 6, 6, 6), Dense.Transpose(f, 6, 6), 6, 6, 6);

            KalmanPredictor.Predict(state, model, dt);

            for (var k = 0; k < 6; k++)
            {
                Assert.Equal(mean[k], state.Mean[k], 1e-9);
            }

            for (var k = 0; k < 36; k++)
            {
                Assert.Equal(covariance[k] + q[k], state.Covariance[k], 1e-9 * Math.Max(1, Math.Abs(covariance[k])));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Predict_RandomPriors_KeepsCovarianceSymmetricAndGrowsPositionVariance(string name)
    {
        var model = Create(name);
        var random = new Random(22);
        for (var i = 0; i < 200; i++)
        {
            // Position–velocity correlation is cleared: with a strongly negative one (a target closing on
            // a point it is known to reach) F P Fᵀ can legitimately shrink a position variance.
            var state = UpdaterCase.RandomPrior(random);
            for (var a = 0; a < 3; a++)
            {
                for (var b = 3; b < 6; b++)
                {
                    state.Covariance[a * 6 + b] = 0;
                    state.Covariance[b * 6 + a] = 0;
                }
            }

            var before = (double[])state.Covariance.Clone();

            KalmanPredictor.Predict(state, model, random.NextUniform(0.05, 5));

            Assert.Equal(0, Dense.Asymmetry(state.Covariance, 6));
            Assert.True(Dense.SmallestEigenvalue(state.Covariance, 6) > 0);
            for (var k = 0; k < 3; k++)
            {
                Assert.True(state.Covariance[k * 7] > before[k * 7], $"position variance {k} did not grow");
            }
        }
    }

    [Fact]
    public void Predict_ZeroDt_LeavesTheStateUnchanged()
    {
        var state = UpdaterCase.RandomPrior(new Random(23));
        var mean = (double[])state.Mean.Clone();
        var covariance = (double[])state.Covariance.Clone();

        KalmanPredictor.Predict(state, new ConstantVelocityModel(5, 0.5), 0);

        Assert.Equal(mean, state.Mean);
        for (var k = 0; k < 36; k++)
        {
            Assert.Equal(covariance[k], state.Covariance[k], 1e-9);
        }
    }
}

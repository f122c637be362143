using Vigia.Tracking.Filters;
using Vigia.Tracking.Models;
using Vigia.Tracking.Tests.TestKit;

namespace Vigia.Tracking.Tests.Models;

public sealed class CoordinatedTurnModelTests
{
    [Theory]
    [InlineData(0.2, 1.0)]
    [InlineData(-0.3, 0.5)]
    [InlineData(0.05, 3.0)]
    public void Predict_State_FollowsTheCircularArcAtTheTurnRate(double omega, double dt)
    {
        // Exact kinematics: the velocity rotates anticlockwise by ωT; the position moves along the chord of the arc.
        var state = new GaussianState([100, -50, 80, 12, 5, 1], Dense.Identity(6));
        KalmanPredictor.Predict(state, new CoordinatedTurnModel(omega, 0.1, 0.01), dt);

        var angle = omega * dt;
        var ve = (12 * Math.Cos(angle)) - (5 * Math.Sin(angle));
        var vn = (12 * Math.Sin(angle)) + (5 * Math.Cos(angle));
        // Position = ∫ v(s) ds with v(s) rotating at ω: (1/ω)[sin, −(1 − cos); 1 − cos, sin] v₀.
        var de = ((Math.Sin(angle) * 12) - ((1 - Math.Cos(angle)) * 5)) / omega;
        var dn = (((1 - Math.Cos(angle)) * 12) + (Math.Sin(angle) * 5)) / omega;
        Assert.Equal(ve, state.Mean[3], 1e-12);
        Assert.Equal(vn, state.Mean[4], 1e-12);
        Assert.Equal(100 + de, state.Mean[0], 1e-9);
        Assert.Equal(-50 + dn, state.Mean[1], 1e-9);
        Assert.Equal(80 + dt, state.Mean[2], 1e-12);
        Assert.Equal(1, state.Mean[5], 1e-12);
    }

    [Fact]
    public void Predict_FullCircle_ReturnsToTheStartWithTheSameVelocity()
    {
        var omega = 15 * Math.PI / 180;
        var state = new GaussianState([10, 20, 30, 8, -6, 0], Dense.Identity(6));
        var model = new CoordinatedTurnModel(omega, 0.1, 0.01);
        for (var k = 0; k < 24; k++)
        {
            KalmanPredictor.Predict(state, model, 1.0);
        }

        Assert.Equal([10.0, 20, 30, 8, -6, 0], state.Mean.Select(v => Math.Round(v, 9)).ToArray());
    }

    [Theory]
    [InlineData(0.26, "turn-left")]
    [InlineData(-0.26, "turn-right")]
    public void Name_SignOfTheRate_NamesTheTurnDirection(double omega, string expected)
    {
        Assert.Equal(expected, new CoordinatedTurnModel(omega, 1, 1).Name);
    }

    [Fact]
    public void Transition_SmallTurnRate_ApproachesConstantVelocity()
    {
        var turnF = new double[36];
        var turnQ = new double[36];
        var cvF = new double[36];
        var cvQ = new double[36];
        new CoordinatedTurnModel(1e-6, 2.0, 0.5).Transition(1.5, turnF, turnQ);
        new ConstantVelocityModel(2.0, 0.5).Transition(1.5, cvF, cvQ);

        for (var k = 0; k < 36; k++)
        {
            Assert.Equal(cvF[k], turnF[k], 1e-5);
            Assert.Equal(cvQ[k], turnQ[k], 1e-12);
        }
    }

    [Fact]
    public void Predict_RandomPriors_KeepsCovarianceSymmetricPositiveDefinite()
    {
        var random = new Random(13);
        var model = new CoordinatedTurnModel(-15 * Math.PI / 180, 0.1, 0.01);
        for (var i = 0; i < 200; i++)
        {
            var state = Filters.UpdaterCase.RandomPrior(random);

            KalmanPredictor.Predict(state, model, random.NextUniform(0.05, 5));

            Assert.True(Dense.Asymmetry(state.Covariance, 6) < 1e-12);
            Assert.True(Dense.SmallestEigenvalue(state.Covariance, 6) > 0);
        }
    }
}

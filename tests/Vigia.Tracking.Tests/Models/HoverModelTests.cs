using Vigia.Tracking.Filters;
using Vigia.Tracking.Models;
using Vigia.Tracking.Tests.TestKit;

namespace Vigia.Tracking.Tests.Models;

public sealed class HoverModelTests
{
    [Theory]
    [InlineData(0.5, 1.5)]
    [InlineData(1.0, 1.5)]
    [InlineData(3.0, 10.0)]
    public void Predict_Velocity_DecaysByExpMinusDtOverTau(double dt, double tau)
    {
        var state = new GaussianState([100, 200, 50, 10, -6, 2], Dense.Identity(6));
        KalmanPredictor.Predict(state, new HoverModel(0.1, 0.05, tau), dt);

        var e = Math.Exp(-dt / tau);
        Assert.Equal(10 * e, state.Mean[3], 1e-12);
        Assert.Equal(-6 * e, state.Mean[4], 1e-12);
        Assert.Equal(2 * e, state.Mean[5], 1e-12);
        // The position integrates the decaying velocity: ∫₀^dt v e^(−s/τ) ds = v τ (1 − e^(−dt/τ)).
        Assert.Equal(100 + (10 * tau * (1 - e)), state.Mean[0], 1e-9);
        Assert.Equal(200 - (6 * tau * (1 - e)), state.Mean[1], 1e-9);
    }

    [Theory]
    [InlineData(0.2, 1.5)]
    [InlineData(1.0, 1.5)]
    [InlineData(2.0, 8.0)]
    public void Transition_Q_MatchesNumericalIntegrationOfTheContinuousModel(double dt, double tau)
    {
        // Q = ∫₀^dt Φ(s) G q Gᵀ Φ(s)ᵀ ds with Φ(s)·[0, 1]ᵀ = [τ(1 − e^(−s/τ)), e^(−s/τ)]ᵀ, by Simpson's rule.
        const double noise = 2.0;
        var f = new double[36];
        var q = new double[36];
        new HoverModel(noise, noise, tau).Transition(dt, f, q);

        const int intervals = 2000;
        double pp = 0, pv = 0, vv = 0;
        for (var i = 0; i <= intervals; i++)
        {
            var s = dt * i / intervals;
            var weight = i == 0 || i == intervals ? 1 : i % 2 == 1 ? 4 : 2;
            var a = tau * (1 - Math.Exp(-s / tau));
            var b = Math.Exp(-s / tau);
            pp += weight * a * a;
            pv += weight * a * b;
            vv += weight * b * b;
        }

        var h = dt / intervals / 3 * noise;
        Assert.Equal(pp * h, q[0], 1e-9 * Math.Max(1, pp * h));
        Assert.Equal(pv * h, q[3], 1e-9);
        Assert.Equal(pv * h, q[18], 1e-9);
        Assert.Equal(vv * h, q[21], 1e-9);
    }

    [Theory]
    [InlineData(0.1, 1.5)]
    [InlineData(1.0, 1.5)]
    [InlineData(1.0, 50.0)]
    public void Transition_PositiveDt_QIsSymmetricPositiveDefinite(double dt, double tau)
    {
        var f = new double[36];
        var q = new double[36];
        new HoverModel(0.1, 0.05, tau).Transition(dt, f, q);

        Assert.Equal(0, Dense.Asymmetry(q, 6));
        Assert.True(Dense.SmallestEigenvalue(q, 6) > 0);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    public void Transition_LongTimeConstant_IsCloseToConstantVelocity(double dt)
    {
        // τ = 1000 s: the O(dt/τ) difference from CV is at most 0.25 % here, and the closed form still has digits to spare.
        AssertCloseToConstantVelocity(dt, tau: 1e3, fTolerance: 5e-3, qTolerance: 5e-3);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    public void Transition_VeryLongTimeConstant_ApproachesConstantVelocity(double dt)
    {
        AssertCloseToConstantVelocity(dt, tau: 1e6, fTolerance: 1e-5, qTolerance: 1e-4);
    }

    [Fact]
    public void Transition_MicrosecondStep_PositionNoiseIsNonNegative()
    {
        var f = new double[36];
        var q = new double[36];
        new HoverModel(1.0, 1.0, 1.5).Transition(1e-6, f, q);

        Assert.True(q[0] >= 0, $"Q[0,0] = {q[0]}");
        Assert.Equal(Math.Pow(1e-6, 3) / 3, q[0], 1e-20);
    }

    private static void AssertCloseToConstantVelocity(double dt, double tau, double fTolerance, double qTolerance)
    {
        var hoverF = new double[36];
        var hoverQ = new double[36];
        var cvF = new double[36];
        var cvQ = new double[36];
        new HoverModel(3.0, 0.7, tau).Transition(dt, hoverF, hoverQ);
        new ConstantVelocityModel(3.0, 0.7).Transition(dt, cvF, cvQ);

        for (var k = 0; k < 36; k++)
        {
            Assert.True(Math.Abs(cvF[k] - hoverF[k]) <= fTolerance * Math.Max(1, Math.Abs(cvF[k])), $"F[{k}]: cv {cvF[k]}, hover {hoverF[k]}");
            Assert.True(Math.Abs(cvQ[k] - hoverQ[k]) <= qTolerance * Math.Max(Math.Abs(cvQ[k]), 1e-9), $"Q[{k}]: cv {cvQ[k]}, hover {hoverQ[k]}");
        }
    }

    [Fact]
    public void Name_IsHover()
    {
        Assert.Equal("hover", new HoverModel(1, 1, 1).Name);
    }
}

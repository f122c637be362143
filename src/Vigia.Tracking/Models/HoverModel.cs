using Vigia.Tracking.Filters;

namespace Vigia.Tracking.Models;

/// <summary>
/// Hover / station-keeping: velocity is an Ornstein–Uhlenbeck process that decays to zero with
/// time constant <see cref="VelocityTimeConstantSeconds"/> (a multicopter braking to hold a point),
/// driven by white acceleration noise. Exact discretisation per axis, with E = e^(−dt/τ):
/// F = [[1, τ(1 − E)], [0, E]];
/// Q = q [[τ²(dt − 2τ(1 − E) + τ(1 − E²)/2), τ²(1 − E)²/2], [τ²(1 − E)²/2, τ(1 − E²)/2]].
/// As τ → ∞ it tends to <see cref="ConstantVelocityModel"/>.
/// </summary>
/// <param name="HorizontalNoise">Acceleration noise spectral density on east and north, m²/s³.</param>
/// <param name="VerticalNoise">Acceleration noise spectral density on up, m²/s³.</param>
/// <param name="VelocityTimeConstantSeconds">Velocity decay time constant τ, seconds (&gt; 0).</param>
public sealed record HoverModel(double HorizontalNoise, double VerticalNoise, double VelocityTimeConstantSeconds) : IAxisSeparableTransitionModel
{
    /// <inheritdoc />
    public string Name => "hover";

    /// <inheritdoc />
    public void Coefficients(double dtSeconds, out double a, out double b, Span<double> qPositionPosition, Span<double> qPositionVelocity, Span<double> qVelocityVelocity)
    {
        var tau = VelocityTimeConstantSeconds;
        var dt = dtSeconds;
        var e = Math.Exp(-dt / tau);
        var oneMinusE = 1 - e;
        var oneMinusE2 = 1 - (e * e);
        a = tau * oneMinusE;
        b = e;
        for (var axis = 0; axis < 3; axis++)
        {
            var noise = axis == 2 ? VerticalNoise : HorizontalNoise;
            qPositionPosition[axis] = noise * tau * tau * (dt - (2 * tau * oneMinusE) + (tau * oneMinusE2 / 2));
            qPositionVelocity[axis] = noise * tau * tau * oneMinusE * oneMinusE / 2;
            qVelocityVelocity[axis] = noise * tau * oneMinusE2 / 2;
        }
    }

    /// <inheritdoc />
    public void Transition(double dtSeconds, Span<double> f, Span<double> q)
    {
        f[..StateVector.CovarianceSize].Clear();
        q[..StateVector.CovarianceSize].Clear();
        var tau = VelocityTimeConstantSeconds;
        var dt = dtSeconds;
        var e = Math.Exp(-dt / tau);
        var oneMinusE = 1 - e;
        var oneMinusE2 = 1 - (e * e);
        for (var axis = 0; axis < 3; axis++)
        {
            var noise = axis == 2 ? VerticalNoise : HorizontalNoise;
            var p = axis;
            var v = axis + 3;
            f[p * 6 + p] = 1;
            f[p * 6 + v] = tau * oneMinusE;
            f[v * 6 + v] = e;
            q[p * 6 + p] = noise * tau * tau * (dt - (2 * tau * oneMinusE) + (tau * oneMinusE2 / 2));
            q[p * 6 + v] = noise * tau * tau * oneMinusE * oneMinusE / 2;
            q[v * 6 + p] = q[p * 6 + v];
            q[v * 6 + v] = noise * tau * oneMinusE2 / 2;
        }
    }
}

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
        Terms(dtSeconds, tau, out var oneMinusE, out var oneMinusE2, out var positionShape);
        a = tau * oneMinusE;
        b = 1 - oneMinusE;
        for (var axis = 0; axis < 3; axis++)
        {
            var noise = axis == 2 ? VerticalNoise : HorizontalNoise;
            qPositionPosition[axis] = noise * tau * tau * tau * positionShape;
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
        Terms(dtSeconds, tau, out var oneMinusE, out var oneMinusE2, out var positionShape);
        for (var axis = 0; axis < 3; axis++)
        {
            var noise = axis == 2 ? VerticalNoise : HorizontalNoise;
            var p = axis;
            var v = axis + 3;
            f[p * 6 + p] = 1;
            f[p * 6 + v] = tau * oneMinusE;
            f[v * 6 + v] = 1 - oneMinusE;
            q[p * 6 + p] = noise * tau * tau * tau * positionShape;
            q[p * 6 + v] = noise * tau * tau * oneMinusE * oneMinusE / 2;
            q[v * 6 + p] = q[p * 6 + v];
            q[v * 6 + v] = noise * tau * oneMinusE2 / 2;
        }
    }

    /// <summary>
    /// 1 − E, 1 − E² and the position-noise shape x − 2(1 − E) + (1 − E²)/2 (x = dt/τ, E = e^(−x)),
    /// without cancellation: expm1 for the differences, and the series x³/3 − x⁴/4 + 7x⁵/60 − x⁶/24
    /// for the shape when x is small (the direct form loses all precision once τ/dt ≳ 10⁴).
    /// </summary>
    private static void Terms(double dt, double tau, out double oneMinusE, out double oneMinusE2, out double positionShape)
    {
        var x = dt / tau;
        oneMinusE = -double.ExpM1(-x);
        oneMinusE2 = -double.ExpM1(-2 * x);
        positionShape = x < 0.05
            ? x * x * x * ((1.0 / 3) - (x / 4) + (7 * x * x / 60) - (x * x * x / 24))
            : x - (2 * oneMinusE) + (oneMinusE2 / 2);
    }
}

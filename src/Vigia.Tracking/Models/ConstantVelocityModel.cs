using Vigia.Tracking.Filters;

namespace Vigia.Tracking.Models;

/// <summary>
/// Nearly-constant velocity in 3-D: white-noise acceleration of spectral density
/// <see cref="HorizontalNoise"/> (east and north) and <see cref="VerticalNoise"/> (up), m²/s³.
/// Per axis Q = q [[dt³/3, dt²/2], [dt²/2, dt]] (Bar-Shalom, Li, Kirubarajan 2001, §6.2.2).
/// </summary>
/// <param name="HorizontalNoise">Acceleration noise spectral density on east and north, m²/s³.</param>
/// <param name="VerticalNoise">Acceleration noise spectral density on up, m²/s³.</param>
public sealed record ConstantVelocityModel(double HorizontalNoise, double VerticalNoise) : IAxisSeparableTransitionModel
{
    /// <inheritdoc />
    public string Name => "cv";

    /// <inheritdoc />
    public void Coefficients(double dtSeconds, out double a, out double b, Span<double> qPositionPosition, Span<double> qPositionVelocity, Span<double> qVelocityVelocity)
    {
        var dt = dtSeconds;
        a = dt;
        b = 1;
        for (var axis = 0; axis < 3; axis++)
        {
            var noise = axis == 2 ? VerticalNoise : HorizontalNoise;
            qPositionPosition[axis] = noise * dt * dt * dt / 3;
            qPositionVelocity[axis] = noise * dt * dt / 2;
            qVelocityVelocity[axis] = noise * dt;
        }
    }

    /// <inheritdoc />
    public void Transition(double dtSeconds, Span<double> f, Span<double> q) => Fill(dtSeconds, HorizontalNoise, VerticalNoise, f, q);

    /// <summary>Writes the constant-velocity F and Q for the given noise densities (shared with the turn model).</summary>
    internal static void Fill(double dtSeconds, double horizontalNoise, double verticalNoise, Span<double> f, Span<double> q)
    {
        f[..StateVector.CovarianceSize].Clear();
        q[..StateVector.CovarianceSize].Clear();
        var dt = dtSeconds;
        for (var axis = 0; axis < 3; axis++)
        {
            var noise = axis == 2 ? verticalNoise : horizontalNoise;
            var p = axis;
            var v = axis + 3;
            f[p * 6 + p] = 1;
            f[p * 6 + v] = dt;
            f[v * 6 + v] = 1;
            q[p * 6 + p] = noise * dt * dt * dt / 3;
            q[p * 6 + v] = noise * dt * dt / 2;
            q[v * 6 + p] = noise * dt * dt / 2;
            q[v * 6 + v] = noise * dt;
        }
    }
}

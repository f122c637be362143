using Vigia.Core.Observations;
using Vigia.Tracking.Models;

namespace Vigia.Tracking.Filters;

/// <summary>
/// Unscented Kalman update (Julier and Uhlmann 2004; scaled sigma points, Wan and van der Merwe
/// 2000): 2n + 1 sigma points χ = x ± √((n + λ) P) columns, λ = α²(n + κ) − n, pushed through h;
/// S and C are their weighted second moments. Azimuth values are averaged as wrapped differences
/// from the central point, so the 0/2π seam does not bias the mean.
/// </summary>
/// <param name="Alpha">Spread α (&gt; 0). Default 1.</param>
/// <param name="Beta">Prior-knowledge β (2 is optimal for Gaussians). Default 2.</param>
/// <param name="Kappa">Secondary scaling κ. Default 0, which with α = 1 gives a zero central weight.</param>
public sealed record UnscentedKalmanUpdater(double Alpha = 1.0, double Beta = 2.0, double Kappa = 0.0) : IUpdater
{
    private const int N = StateVector.Size;
    private const int Points = (2 * N) + 1;

    /// <inheritdoc />
    public bool TryInnovate(GaussianState state, in Measurement measurement, IMeasurementModel model, ref Innovation innovation)
    {
        var m = model.Dimension;
        innovation.Dimension = m;
        var lambda = (Alpha * Alpha * (N + Kappa)) - N;
        var wm0 = lambda / (N + lambda);
        var wc0 = wm0 + (1 - (Alpha * Alpha) + Beta);
        var wi = 1 / (2 * (N + lambda));

        Span<double> l = stackalloc double[36];
        if (!DenseMatrix.TryCholesky(state.Covariance, l, N))
        {
            return false;
        }

        var scale = Math.Sqrt(N + lambda);
        Span<double> sigma = stackalloc double[Points * N];
        Span<double> z = stackalloc double[Points * 3];
        var x = state.Mean.AsSpan();
        x.CopyTo(sigma[..N]);
        for (var k = 0; k < N; k++)
        {
            for (var i = 0; i < N; i++)
            {
                var d = scale * l[i * N + k];
                sigma[((1 + k) * N) + i] = x[i] + d;
                sigma[((1 + N + k) * N) + i] = x[i] - d;
            }
        }

        for (var p = 0; p < Points; p++)
        {
            model.Evaluate(sigma.Slice(p * N, N), measurement, z.Slice(p * 3, 3));
        }

        // Mean of the transformed points; azimuth averaged as wrapped offsets from point 0.
        Span<double> zMean = stackalloc double[3];
        for (var j = 0; j < m; j++)
        {
            var reference = z[j];
            var s = 0.0;
            for (var p = 0; p < Points; p++)
            {
                var w = p == 0 ? wm0 : wi;
                s += w * Residual(z[(p * 3) + j] - reference, j, model);
            }

            zMean[j] = reference + s;
        }

        var sMat = innovation.S;
        var c = innovation.CrossCovariance;
        sMat.Clear();
        c.Clear();
        Span<double> dz = stackalloc double[3];
        for (var p = 0; p < Points; p++)
        {
            var w = p == 0 ? wc0 : wi;
            for (var j = 0; j < m; j++)
            {
                dz[j] = Residual(z[(p * 3) + j] - zMean[j], j, model);
            }

            for (var a = 0; a < m; a++)
            {
                for (var b = 0; b < m; b++)
                {
                    sMat[a * m + b] += w * dz[a] * dz[b];
                }
            }

            for (var i = 0; i < N; i++)
            {
                var dx = sigma[(p * N) + i] - x[i];
                for (var b = 0; b < m; b++)
                {
                    c[i * m + b] += w * dx * dz[b];
                }
            }
        }

        ExtendedKalmanUpdater.AddNoise(sMat, measurement, m);
        var nu = innovation.Nu;
        nu[0] = Residual(measurement.V0 - zMean[0], 0, model);
        if (m > 1)
        {
            nu[1] = Residual(measurement.V1 - zMean[1], 1, model);
        }

        if (m > 2)
        {
            nu[2] = Residual(measurement.V2 - zMean[2], 2, model);
        }

        return innovation.TryComplete();
    }

    /// <inheritdoc />
    public void Update(GaussianState state, ref Innovation innovation) => KalmanUpdate.Apply(state, ref innovation);

    private static double Residual(double difference, int index, IMeasurementModel model) =>
        index == model.AzimuthIndex ? DenseMatrix.WrapAngle(difference) : difference;
}

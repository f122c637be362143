namespace Vigia.Tracking.Filters;

/// <summary>The shared second step of every Gaussian updater: K = C S⁻¹, x ← x + K ν, P ← P − K Cᵀ.</summary>
internal static class KalmanUpdate
{
    public static void Apply(GaussianState state, ref Innovation innovation)
    {
        var m = innovation.Dimension;
        Span<double> k = stackalloc double[18];
        DenseMatrix.Multiply(innovation.CrossCovariance, innovation.SInverse, k, StateVector.Size, m, m);

        var x = state.Mean.AsSpan();
        var nu = innovation.Nu;
        for (var i = 0; i < StateVector.Size; i++)
        {
            var s = 0.0;
            for (var j = 0; j < m; j++)
            {
                s += k[i * m + j] * nu[j];
            }

            x[i] += s;
        }

        var p = state.Covariance.AsSpan();
        var c = innovation.CrossCovariance;
        for (var i = 0; i < StateVector.Size; i++)
        {
            for (var j = i; j < StateVector.Size; j++)
            {
                var s = 0.0;
                for (var t = 0; t < m; t++)
                {
                    s += k[i * m + t] * c[j * m + t];
                }

                p[i * 6 + j] -= s;
                if (j != i)
                {
                    p[j * 6 + i] = p[i * 6 + j];
                }
            }
        }
    }
}

namespace Vigia.Tracking.Filters;

/// <summary>
/// Small dense row-major matrix kernels on spans for the filter inner loops (no allocation,
/// no bounds beyond the spans'). Dimensions are at most 6 × 6.
/// </summary>
internal static class DenseMatrix
{
    /// <summary>c (r × n) = a (r × k) · b (k × n).</summary>
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int r, int k, int n)
    {
        for (var i = 0; i < r; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var s = 0.0;
                for (var t = 0; t < k; t++)
                {
                    s += a[i * k + t] * b[t * n + j];
                }

                c[i * n + j] = s;
            }
        }
    }

    /// <summary>c (r × n) = a (r × k) · bᵀ where b is n × k.</summary>
    public static void MultiplyTransposed(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int r, int k, int n)
    {
        for (var i = 0; i < r; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var s = 0.0;
                for (var t = 0; t < k; t++)
                {
                    s += a[i * k + t] * b[j * k + t];
                }

                c[i * n + j] = s;
            }
        }
    }

    /// <summary>Replaces a square matrix by (A + Aᵀ)/2.</summary>
    public static void Symmetrise(Span<double> a, int n)
    {
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var m = 0.5 * (a[i * n + j] + a[j * n + i]);
                a[i * n + j] = m;
                a[j * n + i] = m;
            }
        }
    }

    /// <summary>
    /// Cholesky factor L (lower, row-major n × n) of a symmetric positive-definite matrix.
    /// Returns false if a pivot is not positive (not positive definite).
    /// </summary>
    public static bool TryCholesky(ReadOnlySpan<double> a, Span<double> l, int n)
    {
        l[..(n * n)].Clear();
        for (var j = 0; j < n; j++)
        {
            var d = a[j * n + j];
            for (var k = 0; k < j; k++)
            {
                d -= l[j * n + k] * l[j * n + k];
            }

            if (!(d > 0))
            {
                return false;
            }

            var ljj = Math.Sqrt(d);
            l[j * n + j] = ljj;
            for (var i = j + 1; i < n; i++)
            {
                var s = a[i * n + j];
                for (var k = 0; k < j; k++)
                {
                    s -= l[i * n + k] * l[j * n + k];
                }

                l[i * n + j] = s / ljj;
            }
        }

        return true;
    }

    /// <summary>
    /// Inverse and natural log-determinant of a symmetric positive-definite n × n matrix (n ≤ 6)
    /// by Cholesky. Returns false if it is not positive definite.
    /// </summary>
    public static bool TryInvertSpd(ReadOnlySpan<double> a, Span<double> inverse, int n, out double logDeterminant)
    {
        Span<double> l = stackalloc double[36];
        logDeterminant = 0;
        if (!TryCholesky(a, l, n))
        {
            return false;
        }

        for (var i = 0; i < n; i++)
        {
            logDeterminant += 2 * Math.Log(l[i * n + i]);
        }

        // Invert L (lower triangular) into w, then inverse = wᵀ w.
        Span<double> w = stackalloc double[36];
        w[..(n * n)].Clear();
        for (var i = 0; i < n; i++)
        {
            w[i * n + i] = 1 / l[i * n + i];
            for (var j = 0; j < i; j++)
            {
                var s = 0.0;
                for (var k = j; k < i; k++)
                {
                    s -= l[i * n + k] * w[k * n + j];
                }

                w[i * n + j] = s / l[i * n + i];
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var s = 0.0;
                for (var k = i; k < n; k++)
                {
                    s += w[k * n + i] * w[k * n + j];
                }

                inverse[i * n + j] = s;
                inverse[j * n + i] = s;
            }
        }

        return true;
    }

    /// <summary>Wraps an angle difference to (−π, π].</summary>
    public static double WrapAngle(double radians)
    {
        if (radians > Math.PI || radians <= -Math.PI)
        {
            radians = Math.IEEERemainder(radians, 2 * Math.PI);
            if (radians <= -Math.PI)
            {
                radians += 2 * Math.PI;
            }
        }

        return radians;
    }
}

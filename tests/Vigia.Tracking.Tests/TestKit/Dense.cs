namespace Vigia.Tracking.Tests.TestKit;

/// <summary>
/// Reference linear algebra for the assertions, written independently of the production kernels
/// (Gauss–Jordan with pivoting rather than Cholesky), row-major <c>double[]</c>.
/// </summary>
internal static class Dense
{
    public static double[] Multiply(double[] a, double[] b, int r, int k, int n)
    {
        var c = new double[r * n];
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

        return c;
    }

    public static double[] Transpose(double[] a, int r, int c)
    {
        var t = new double[r * c];
        for (var i = 0; i < r; i++)
        {
            for (var j = 0; j < c; j++)
            {
                t[j * r + i] = a[i * c + j];
            }
        }

        return t;
    }

    public static double[] Identity(int n)
    {
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            a[i * n + i] = 1;
        }

        return a;
    }

    /// <summary>Largest |a_ij − a_ji| relative to the largest diagonal element.</summary>
    public static double Asymmetry(ReadOnlySpan<double> a, int n)
    {
        var scale = 0.0;
        for (var i = 0; i < n; i++)
        {
            scale = Math.Max(scale, Math.Abs(a[i * n + i]));
        }

        var worst = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                worst = Math.Max(worst, Math.Abs(a[i * n + j] - a[j * n + i]));
            }
        }

        return worst / Math.Max(scale, double.Epsilon);
    }

    /// <summary>Inverse and determinant by Gauss–Jordan elimination with partial pivoting; null if singular.</summary>
    public static double[]? Invert(ReadOnlySpan<double> source, int n, out double determinant)
    {
        var a = source[..(n * n)].ToArray();
        var inv = Identity(n);
        determinant = 1;
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(a[row * n + col]) > Math.Abs(a[pivot * n + col]))
                {
                    pivot = row;
                }
            }

            if (a[pivot * n + col] == 0)
            {
                return null;
            }

            if (pivot != col)
            {
                SwapRows(a, n, pivot, col);
                SwapRows(inv, n, pivot, col);
                determinant = -determinant;
            }

            var d = a[col * n + col];
            determinant *= d;
            for (var j = 0; j < n; j++)
            {
                a[col * n + j] /= d;
                inv[col * n + j] /= d;
            }

            for (var row = 0; row < n; row++)
            {
                if (row == col)
                {
                    continue;
                }

                var f = a[row * n + col];
                for (var j = 0; j < n; j++)
                {
                    a[row * n + j] -= f * a[col * n + j];
                    inv[row * n + j] -= f * inv[col * n + j];
                }
            }
        }

        return inv;
    }

    /// <summary>
    /// Smallest eigenvalue of a symmetric matrix by cyclic Jacobi rotations (independent of any
    /// Cholesky): positive means positive definite.
    /// </summary>
    public static double SmallestEigenvalue(ReadOnlySpan<double> source, int n)
    {
        var a = source[..(n * n)].ToArray();
        for (var sweep = 0; sweep < 100; sweep++)
        {
            var off = 0.0;
            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    off += a[p * n + q] * a[p * n + q];
                }
            }

            if (off < 1e-30)
            {
                break;
            }

            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    var apq = a[p * n + q];
                    if (apq == 0)
                    {
                        continue;
                    }

                    var theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                    var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    var c = 1 / Math.Sqrt((t * t) + 1);
                    var s = t * c;
                    for (var k = 0; k < n; k++)
                    {
                        var akp = a[k * n + p];
                        var akq = a[k * n + q];
                        a[k * n + p] = (c * akp) - (s * akq);
                        a[k * n + q] = (s * akp) + (c * akq);
                    }

                    for (var k = 0; k < n; k++)
                    {
                        var apk = a[p * n + k];
                        var aqk = a[q * n + k];
                        a[p * n + k] = (c * apk) - (s * aqk);
                        a[q * n + k] = (s * apk) + (c * aqk);
                    }
                }
            }
        }

        var min = double.PositiveInfinity;
        for (var i = 0; i < n; i++)
        {
            min = Math.Min(min, a[i * n + i]);
        }

        return min;
    }

    /// <summary>Wraps an angle to (−π, π] (test-side copy, by Atan2 rather than remainders).</summary>
    public static double Wrap(double radians) => Math.Atan2(Math.Sin(radians), Math.Cos(radians));

    private static void SwapRows(double[] a, int n, int r1, int r2)
    {
        for (var j = 0; j < n; j++)
        {
            (a[r1 * n + j], a[r2 * n + j]) = (a[r2 * n + j], a[r1 * n + j]);
        }
    }
}

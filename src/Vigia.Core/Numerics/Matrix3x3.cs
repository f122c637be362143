namespace Vigia.Core.Numerics;

/// <summary>
/// A 3 × 3 matrix of doubles, row-major (<c>M12</c> is row 1, column 2). Used for measurement
/// covariances; a measurement of dimension d &lt; 3 uses only its top-left d × d block.
/// </summary>
/// <remarks>Thread-safety: immutable value type, safe to share.</remarks>
public readonly record struct Matrix3x3(
    double M11, double M12, double M13,
    double M21, double M22, double M23,
    double M31, double M32, double M33)
{
    /// <summary>A diagonal matrix.</summary>
    public static Matrix3x3 Diagonal(double d1, double d2, double d3) => new(d1, 0, 0, 0, d2, 0, 0, 0, d3);

    /// <summary>Element (row, column), both zero-based.</summary>
    public double this[int row, int column] => (row * 3 + column) switch
    {
        0 => M11,
        1 => M12,
        2 => M13,
        3 => M21,
        4 => M22,
        5 => M23,
        6 => M31,
        7 => M32,
        8 => M33,
        _ => throw new ArgumentOutOfRangeException(nameof(row)),
    };

    /// <summary>Builds a matrix from the first <paramref name="dimension"/>² row-major values; the rest is zero.</summary>
    public static Matrix3x3 FromRowMajor(ReadOnlySpan<double> values, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimension, 3);
        if (values.Length < dimension * dimension)
        {
            throw new ArgumentException($"need {dimension * dimension} values, got {values.Length}", nameof(values));
        }

        Span<double> m = stackalloc double[9];
        m.Clear();
        for (var r = 0; r < dimension; r++)
        {
            for (var c = 0; c < dimension; c++)
            {
                m[r * 3 + c] = values[r * dimension + c];
            }
        }

        return new(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]);
    }

    /// <summary>
    /// True if the top-left <paramref name="dimension"/> block is finite, symmetric (to a relative
    /// 1e-9) and positive definite (Cholesky succeeds with positive pivots).
    /// </summary>
    public bool IsSymmetricPositiveDefinite(int dimension)
    {
        Span<double> a = stackalloc double[9];
        for (var r = 0; r < dimension; r++)
        {
            for (var c = 0; c < dimension; c++)
            {
                var v = this[r, c];
                if (!double.IsFinite(v))
                {
                    return false;
                }

                a[r * 3 + c] = v;
            }
        }

        for (var r = 0; r < dimension; r++)
        {
            for (var c = r + 1; c < dimension; c++)
            {
                var scale = Math.Max(Math.Abs(a[r * 3 + c]), Math.Abs(a[c * 3 + r]));
                if (Math.Abs(a[r * 3 + c] - a[c * 3 + r]) > 1e-9 * Math.Max(scale, double.Epsilon))
                {
                    return false;
                }
            }
        }

        // In-place Cholesky on the lower triangle.
        for (var j = 0; j < dimension; j++)
        {
            var d = a[j * 3 + j];
            for (var k = 0; k < j; k++)
            {
                d -= a[j * 3 + k] * a[j * 3 + k];
            }

            if (!(d > 0))
            {
                return false;
            }

            var l = Math.Sqrt(d);
            a[j * 3 + j] = l;
            for (var i = j + 1; i < dimension; i++)
            {
                var s = a[i * 3 + j];
                for (var k = 0; k < j; k++)
                {
                    s -= a[i * 3 + k] * a[j * 3 + k];
                }

                a[i * 3 + j] = s / l;
            }
        }

        return true;
    }
}

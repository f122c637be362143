namespace Vigia.Tracking.Tests.TestKit;

/// <summary>Seeded draws for the randomised tests.</summary>
internal static class RandomExtensions
{
    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double NextGaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public static double NextUniform(this Random random, double low, double high) => low + ((high - low) * random.NextDouble());

    /// <summary>
    /// A random symmetric positive-definite n × n matrix with standard deviations <paramref name="stds"/>
    /// and random correlations (a normalised Wishart-like draw, kept away from singular).
    /// </summary>
    public static double[] NextSpd(this Random random, ReadOnlySpan<double> stds)
    {
        var n = stds.Length;
        var a = new double[n * n];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = random.NextGaussian();
        }

        var c = Dense.Multiply(a, Dense.Transpose(a, n, n), n, n, n);
        for (var i = 0; i < n; i++)
        {
            c[i * n + i] += 0.5 * n;
        }

        var result = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var correlation = c[i * n + j] / Math.Sqrt(c[i * n + i] * c[j * n + j]);
                result[i * n + j] = correlation * stds[i] * stds[j];
            }
        }

        return result;
    }
}

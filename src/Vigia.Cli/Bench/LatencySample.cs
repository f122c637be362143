namespace Vigia.Cli.Bench;

/// <summary>Latencies measured by the client (milliseconds): percentiles and a histogram in fixed millisecond buckets.</summary>
internal sealed class LatencySample
{
    /// <summary>Upper bounds of the histogram buckets, ms (the last bucket is everything above).</summary>
    public static readonly double[] BucketBounds = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

    private readonly List<double> _values = [];
    private double[]? _sorted;

    /// <summary>Number of latencies.</summary>
    public int Count => _values.Count;

    /// <summary>Adds one latency, ms.</summary>
    public void Add(double milliseconds)
    {
        _values.Add(milliseconds);
        _sorted = null;
    }

    /// <summary>Adds every latency of <paramref name="other"/>.</summary>
    public void AddAll(LatencySample other)
    {
        _values.AddRange(other._values);
        _sorted = null;
    }

    /// <summary>The q-quantile (nearest rank), NaN when empty.</summary>
    public double Percentile(double q)
    {
        var sorted = Sorted();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>The largest latency, NaN when empty.</summary>
    public double Max => Count == 0 ? double.NaN : Sorted()[^1];

    /// <summary>Counts per bucket of <see cref="BucketBounds"/>, plus one for everything above the last bound.</summary>
    public int[] Histogram()
    {
        var counts = new int[BucketBounds.Length + 1];
        foreach (var v in _values)
        {
            var i = 0;
            while (i < BucketBounds.Length && v > BucketBounds[i])
            {
                i++;
            }

            counts[i]++;
        }

        return counts;
    }

    private double[] Sorted()
    {
        if (_sorted is null)
        {
            _sorted = [.. _values];
            Array.Sort(_sorted);
        }

        return _sorted;
    }
}

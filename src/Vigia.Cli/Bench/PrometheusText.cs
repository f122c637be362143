using System.Globalization;

namespace Vigia.Cli.Bench;

/// <summary>
/// One scrape of the server's <c>/metrics</c> (Prometheus text format): every sample by its series text, with
/// helpers that sum a metric over its label sets and take histogram deltas between two scrapes.
/// </summary>
internal sealed class PrometheusText
{
    private readonly Dictionary<string, double> _samples = new(StringComparer.Ordinal);

    private PrometheusText()
    {
    }

    /// <summary>An empty scrape (the server could not be scraped).</summary>
    public static PrometheusText Empty { get; } = new();

    /// <summary>Parses the exposition text.</summary>
    public static PrometheusText Parse(string text)
    {
        var result = new PrometheusText();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            if (space > 0 && double.TryParse(line.AsSpan(space + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                result._samples[line[..space].Trim()] = value;
            }
        }

        return result;
    }

    /// <summary>True if any sample of <paramref name="metric"/> exists.</summary>
    public bool Has(string metric) => _samples.Keys.Any(k => NameOf(k) == metric);

    /// <summary>Sum of every sample of <paramref name="metric"/> whose labels contain <paramref name="labelFilter"/> (e.g. <c>reason="late"</c>).</summary>
    public double Sum(string metric, string? labelFilter = null)
    {
        var total = 0.0;
        foreach (var (key, value) in _samples)
        {
            if (NameOf(key) == metric && (labelFilter is null || key.Contains(labelFilter, StringComparison.Ordinal)))
            {
                total += value;
            }
        }

        return total;
    }

    /// <summary>The histogram <paramref name="metric"/> (base name, without <c>_bucket</c>) as it changed from <paramref name="before"/> to this scrape.</summary>
    public HistogramDelta Histogram(string metric, PrometheusText before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var buckets = Buckets(metric + "_bucket");
        var old = before.Buckets(metric + "_bucket");
        var delta = buckets.Select(b => (b.UpperBound, b.Count - old.FirstOrDefault(o => o.UpperBound == b.UpperBound).Count)).ToArray();
        return new HistogramDelta(
            Sum(metric + "_count") - before.Sum(metric + "_count"),
            Sum(metric + "_sum") - before.Sum(metric + "_sum"),
            delta);
    }

    private List<(double UpperBound, double Count)> Buckets(string metric)
    {
        var byBound = new SortedDictionary<double, double>();
        foreach (var (key, value) in _samples)
        {
            if (NameOf(key) != metric)
            {
                continue;
            }

            var le = key.IndexOf("le=\"", StringComparison.Ordinal);
            if (le < 0)
            {
                continue;
            }

            var text = key[(le + 4)..key.IndexOf('"', le + 4)];
            var bound = text == "+Inf" ? double.PositiveInfinity : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            byBound[bound] = byBound.GetValueOrDefault(bound) + value;
        }

        return [.. byBound.Select(p => (p.Key, p.Value))];
    }

    private static string NameOf(string series)
    {
        var brace = series.IndexOf('{', StringComparison.Ordinal);
        return brace < 0 ? series : series[..brace];
    }
}

/// <summary>How a Prometheus histogram changed between two scrapes.</summary>
/// <param name="Count">Recordings in between.</param>
/// <param name="Sum">Sum of the recordings.</param>
/// <param name="Buckets">Cumulative counts per upper bound.</param>
internal sealed record HistogramDelta(double Count, double Sum, IReadOnlyList<(double UpperBound, double Count)> Buckets)
{
    /// <summary>Mean of the recordings, or NaN without any.</summary>
    public double Mean => Count > 0 ? Sum / Count : double.NaN;

    /// <summary>Quantile estimated by linear interpolation inside its bucket (NaN without recordings; the last finite bound if it lies in +Inf).</summary>
    public double Quantile(double q)
    {
        if (Count <= 0)
        {
            return double.NaN;
        }

        var rank = q * Count;
        var lower = 0.0;
        var below = 0.0;
        foreach (var (upper, cumulative) in Buckets)
        {
            if (cumulative >= rank)
            {
                if (double.IsPositiveInfinity(upper))
                {
                    return lower;
                }

                var inBucket = cumulative - below;
                return inBucket <= 0 ? upper : lower + ((upper - lower) * (rank - below) / inBucket);
            }

            lower = upper;
            below = cumulative;
        }

        return lower;
    }
}

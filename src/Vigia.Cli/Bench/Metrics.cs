namespace Vigia.Cli.Bench;

/// <summary>Scrapes the server's <c>/metrics</c> (open to loopback clients).</summary>
internal static class Metrics
{
    /// <summary>The scrape, or <see cref="PrometheusText.Empty"/> if the endpoint did not answer.</summary>
    public static async Task<PrometheusText> ScrapeAsync(BenchServer server, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            return PrometheusText.Parse(await http.GetStringAsync(new Uri("metrics", UriKind.Relative), cancellationToken).ConfigureAwait(false));
        }
        catch (HttpRequestException)
        {
            return PrometheusText.Empty;
        }
    }
}

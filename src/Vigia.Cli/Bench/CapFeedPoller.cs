using System.Diagnostics;
using System.Net.Http.Headers;
using System.Xml;
using System.Xml.Linq;

namespace Vigia.Cli.Bench;

/// <summary>
/// Polls <c>/cap/feed.atom</c> on loopback every <see cref="Interval"/> and records when each CAP identifier is
/// first listed (the feed links every alert's newest message as <c>/cap/{identifier}.xml</c>). The interval bounds
/// the resolution: a message is seen up to one interval (plus one feed request) after it became retrievable, and a
/// version superseded within one interval may never be listed.
/// </summary>
internal sealed class CapFeedPoller : IAsyncDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly HttpClient _http;
    private readonly AlertArrivals _arrivals;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _polls;
    private long _failures;

    /// <summary>Starts polling <paramref name="server"/> (with its admin key: the feed may be private).</summary>
    public CapFeedPoller(BenchServer server, AlertArrivals arrivals, TimeSpan interval)
    {
        _arrivals = arrivals;
        Interval = interval;
        _http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(10) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.AdminKey);
        _loop = Task.Run(() => LoopAsync(_stop.Token));
    }

    /// <summary>Time between the starts of two polls.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Feed requests made.</summary>
    public long Polls => Interlocked.Read(ref _polls);

    /// <summary>Feed requests that failed or did not parse.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _http.Dispose();
        _stop.Dispose();
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var text = await _http.GetStringAsync(new Uri("cap/feed.atom", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                var arrived = Stopwatch.GetTimestamp();
                Interlocked.Increment(ref _polls);
                foreach (var href in XDocument.Parse(text).Root!.Elements(Atom + "entry").Elements(Atom + "link").Select(l => (string?)l.Attribute("href")))
                {
                    if (href is not null && Identifier(href) is { } identifier)
                    {
                        _arrivals.RecordCap(identifier, arrived);
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or XmlException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                Interlocked.Increment(ref _failures);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The identifier of a <c>…/cap/{identifier}.xml</c> link, or null.</summary>
    private static string? Identifier(string href)
    {
        var path = Uri.TryCreate(href, UriKind.Absolute, out var uri) ? uri.AbsolutePath : href;
        var slash = path.LastIndexOf('/');
        return path.EndsWith(".xml", StringComparison.Ordinal) && slash >= 0 ? Uri.UnescapeDataString(path[(slash + 1)..^4]) : null;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Xml;
using System.Xml.Linq;
using Vigia.Alerting.Cap;

namespace Vigia.Cli.Bench;

/// <summary>
/// Watches CAP on loopback, as a CAP consumer would, and records when each message first became retrievable.
/// Every <see cref="Interval"/> it asks <c>/cap/{identifier}.xml</c> for the next version of every alert it knows
/// (until 404; a <c>Cancel</c> ends an alert), and every <see cref="FeedInterval"/> it reads
/// <c>/cap/feed.atom</c> to discover alerts. An alert's id also becomes known when its webhook or CoT arrives.
/// Resolution: a later version is seen up to one interval (plus a request) after it became retrievable; version 1
/// of an alert only once the alert is known (feed, webhook or CoT), so its figure is an upper bound.
/// </summary>
/// <remarks>
/// The CAP endpoints build their answer from the journal on every request (the feed: every alert of the last day;
/// a message: every version of its alert), so watching them costs the server CPU. At 10,000 observations/s on two
/// cores, polling the feed ten times a second, or every alert's next message ten times a second, stalled the alert
/// loop by seconds; hence the defaults of 500 ms and 2 s.
/// </remarks>
internal sealed class CapPoller : IAsyncDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly HttpClient _http;
    private readonly AlertArrivals _arrivals;
    private readonly Dictionary<string, int> _next = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ended = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _requests;
    private long _failures;

    /// <summary>Starts watching <paramref name="server"/> (with its admin key: CAP may be private).</summary>
    public CapPoller(BenchServer server, AlertArrivals arrivals, TimeSpan interval, TimeSpan feedInterval)
    {
        _arrivals = arrivals;
        Interval = interval;
        FeedInterval = feedInterval;
        _http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(10) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.AdminKey);
        _loop = Task.Run(() => LoopAsync(_stop.Token));
    }

    /// <summary>Time between two rounds of per-message requests.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Time between two reads of the feed.</summary>
    public TimeSpan FeedInterval { get; }

    /// <summary>Requests made (messages and feed).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests that failed or did not parse.</summary>
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
        var feed = Stopwatch.StartNew();
        var first = true;
        do
        {
            try
            {
                if (first || feed.Elapsed >= FeedInterval)
                {
                    first = false;
                    feed.Restart();
                    await ReadFeedAsync(cancellationToken).ConfigureAwait(false);
                }

                foreach (var id in _arrivals.AlertIds())
                {
                    _next.TryAdd(CapTokens.Escape(id), 1);
                }

                foreach (var escaped in _next.Keys.Where(k => !_ended.Contains(k)).ToList())
                {
                    await NextVersionsAsync(escaped, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or XmlException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                Interlocked.Increment(ref _failures);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Asks for the alert's next versions until one is not there yet.</summary>
    private async Task NextVersionsAsync(string escaped, CancellationToken cancellationToken)
    {
        while (true)
        {
            var identifier = string.Create(CultureInfo.InvariantCulture, $"vigia-{escaped}-{_next[escaped]}");
            Interlocked.Increment(ref _requests);
            using var response = await _http.GetAsync(new Uri("cap/" + Uri.EscapeDataString(identifier) + ".xml", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            var arrived = Stopwatch.GetTimestamp();
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return;
            }

            response.EnsureSuccessStatusCode();
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            _arrivals.RecordCap(identifier, arrived);
            _next[escaped]++;
            if (text.Contains("<msgType>Cancel</msgType>", StringComparison.Ordinal))
            {
                _ended.Add(escaped);
                return;
            }
        }
    }

    /// <summary>Records every listed message and learns its alert (the feed lists each alert's newest message).</summary>
    private async Task ReadFeedAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var text = await _http.GetStringAsync(new Uri("cap/feed.atom", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        var arrived = Stopwatch.GetTimestamp();
        foreach (var href in XDocument.Parse(text).Root!.Elements(Atom + "entry").Elements(Atom + "link").Select(l => (string?)l.Attribute("href")))
        {
            if (href is not null && Split(href) is var (escaped, version))
            {
                _arrivals.RecordCap(string.Create(CultureInfo.InvariantCulture, $"vigia-{escaped}-{version}"), arrived);
                // A new alert is asked for from version 1, so no version is skipped.
                _next.TryAdd(escaped, 1);
            }
        }
    }

    /// <summary>The escaped alert id and version of a <c>…/cap/vigia-{escaped id}-{version}.xml</c> link, or null.</summary>
    private static (string Escaped, int Version)? Split(string href)
    {
        var path = Uri.TryCreate(href, UriKind.Absolute, out var uri) ? uri.AbsolutePath : href;
        var slash = path.LastIndexOf('/');
        if (!path.EndsWith(".xml", StringComparison.Ordinal) || slash < 0)
        {
            return null;
        }

        var identifier = Uri.UnescapeDataString(path[(slash + 1)..^4]);
        var dash = identifier.LastIndexOf('-');
        return identifier.StartsWith("vigia-", StringComparison.Ordinal) && dash > "vigia-".Length
            && int.TryParse(identifier.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? (identifier["vigia-".Length..dash], version)
            : null;
    }
}

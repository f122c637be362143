using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Vigia.Alerting.Webhooks;

namespace Vigia.Cli.Bench;

/// <summary>
/// The bench's webhook endpoint: an HTTP listener on 127.0.0.1 that verifies every delivery's Standard Webhooks
/// signature with the endpoint's secret (<see cref="WebhookVerifier"/>, over the raw body), answers 204, and
/// records the alert version (<c>data.id</c>, <c>data.version</c>, <c>timestamp</c>) at its arrival. A delivery
/// whose signature does not verify is answered 400 and counted, not timed.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly AlertArrivals _arrivals;
    private readonly Task _loop;
    private WebhookSecret? _secret;
    private long _verified;
    private long _rejected;

    private WebhookReceiver(AlertArrivals arrivals, int port)
    {
        _arrivals = arrivals;
        Url = new Uri($"http://127.0.0.1:{port}/vigia-bench/");
        _listener.Prefixes.Add(Url.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Where the server is asked to deliver.</summary>
    public Uri Url { get; }

    /// <summary>Deliveries whose signature verified.</summary>
    public long Verified => Interlocked.Read(ref _verified);

    /// <summary>Deliveries refused: bad or missing signature, or before the secret was known.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Starts listening on a free loopback port.</summary>
    public static WebhookReceiver Start(AlertArrivals arrivals)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new WebhookReceiver(arrivals, port);
    }

    /// <summary>The endpoint's secret, as the server returned it when the endpoint was registered.</summary>
    public void UseSecret(string secret) => Volatile.Write(ref _secret, WebhookSecret.Parse(secret));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body).ConfigureAwait(false);
        var arrived = Stopwatch.GetTimestamp();
        var headers = context.Request.Headers;
        var secret = Volatile.Read(ref _secret);
        var ok = secret is not null && WebhookVerifier.Verify(
            secret,
            headers[WebhookHeaders.Id],
            headers[WebhookHeaders.Timestamp],
            headers[WebhookHeaders.Signature],
            body.GetBuffer().AsSpan(0, (int)body.Length),
            DateTimeOffset.UtcNow).IsValid;
        if (ok && TryRead(body.ToArray(), out var id, out var version, out var time))
        {
            Interlocked.Increment(ref _verified);
            _arrivals.Record(AlertOutputKind.Webhook, id, version, time, arrived);
        }
        else
        {
            Interlocked.Increment(ref _rejected);
        }

        context.Response.StatusCode = ok ? 204 : 400;
        context.Response.Close();
    }

    private static bool TryRead(byte[] body, out string id, out int version, out DateTimeOffset time)
    {
        (id, version, time) = (string.Empty, 0, default);
        try
        {
            using var json = JsonDocument.Parse(body);
            var data = json.RootElement.GetProperty("data");
            id = data.GetProperty("id").GetString() ?? string.Empty;
            version = data.GetProperty("version").GetInt32();
            return id.Length > 0 && json.RootElement.GetProperty("timestamp").TryGetDateTimeOffset(out time);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }
}

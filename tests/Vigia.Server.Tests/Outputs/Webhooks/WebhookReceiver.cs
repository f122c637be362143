using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Vigia.Alerting.Webhooks;

namespace Vigia.Server.Tests.Outputs.Webhooks;

/// <summary>
/// A real HTTP receiver (Kestrel on 127.0.0.1, a free port) that records every POST to <c>/hook</c> and checks its
/// Standard Webhooks signature with <see cref="WebhookVerifier"/> against its own clock. How it answers is set per
/// request: <see cref="Respond"/> gives the status for the n-th request (0-based), <see cref="Delay"/> stalls before answering.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    private WebhookReceiver(WebApplication app, WebhookSecret secret, Func<DateTimeOffset> now)
    {
        _app = app;
        Secret = secret;
        Now = now;
    }

    public WebhookSecret Secret { get; }

    public Func<DateTimeOffset> Now { get; }

    public Func<int, HttpStatusCode> Respond { get; set; } = _ => HttpStatusCode.NoContent;

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync(WebhookSecret secret, Func<DateTimeOffset>? now = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, secret, now ?? (() => DateTimeOffset.UtcNow));
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        receiver.Url = app.Urls.Single() + "/hook";
        return receiver;
    }

    /// <summary>A loopback URL where nothing listens (connection refused).</summary>
    public static string UnreachableUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/hook";
    }

    /// <summary>Waits (real time) until at least <paramref name="count"/> requests have come.</summary>
    public async Task WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Received.Count < count)
        {
            Assert.True(DateTime.UtcNow < until, $"the receiver got {Received.Count} requests, expected {count}");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var index = Interlocked.Increment(ref _count) - 1;
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var bytes = body.ToArray();
        var headers = context.Request.Headers;
        string? Header(string name) => headers.TryGetValue(name, out var v) ? v.ToString() : null;
        var verification = WebhookVerifier.Verify(
            Secret, Header(WebhookHeaders.Id), Header(WebhookHeaders.Timestamp), Header(WebhookHeaders.Signature), bytes, Now());
        var status = Respond(index);
        Received.Enqueue(new ReceivedWebhook(
            index, Header(WebhookHeaders.Id), Header(WebhookHeaders.Timestamp), Header(WebhookHeaders.Signature), context.Request.ContentType, Header("User-Agent"), bytes, verification, status));
        if (Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = (int)status;
    }
}

/// <summary>One request as the receiver saw it.</summary>
internal sealed record ReceivedWebhook(
    int Index, string? Id, string? Timestamp, string? Signature, string? ContentType, string? UserAgent, byte[] Body, WebhookVerification Verification, HttpStatusCode Answered);

using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Vigia.Alerting.Webhooks;
using Vigia.Storage.Webhooks;

namespace Vigia.Server.Outputs.Webhooks;

/// <summary>
/// One HTTP attempt of one outbox item: a POST of the stored JSON body, signed for this attempt with the three
/// Standard Webhooks headers (<c>webhook-id</c> is the message id, the same on every retry; <c>webhook-timestamp</c>
/// and <c>webhook-signature</c> are of this attempt), under <see cref="WebhookOptions.RequestTimeoutSeconds"/>.
/// 2xx is delivered; 408, 429, 5xx, timeouts and connection failures are retryable; anything else (other 4xx, 3xx:
/// redirects are not followed) is permanent.
/// </summary>
/// <remarks>Thread-safety: thread-safe.</remarks>
internal sealed class WebhookSender(IHttpClientFactory httpClients, WebhookOptions options, TimeProvider time)
{
    /// <summary>The named <see cref="HttpClient"/> (no redirects, no cookies; see <see cref="WebhookServiceCollectionExtensions"/>).</summary>
    public const string HttpClientName = "Vigia.Webhooks";

    /// <summary>Sent as <c>User-Agent</c>.</summary>
    public const string UserAgent = "Vigia-Webhooks/1";

    /// <summary>Attempts <paramref name="claimed"/> at <paramref name="now"/>; never throws for a network or HTTP failure.</summary>
    public async Task<WebhookSendResult> SendAsync(ClaimedWebhook claimed, WebhookSigner signer, DateTimeOffset now, CancellationToken stoppingToken)
    {
        if (!Uri.TryCreate(claimed.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return new(WebhookSendOutcome.Permanent, null, $"the endpoint URL '{claimed.Url}' is not an absolute http or https URL", 0);
        }

        var body = Encoding.UTF8.GetBytes(claimed.Item.Payload);
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Id, claimed.Item.MessageId);
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Signature, signer.Sign(claimed.Item.MessageId, timestamp, body));
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.RequestTimeoutSeconds));
        var started = time.GetTimestamp();
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var milliseconds = time.GetElapsedTime(started).TotalMilliseconds;
            if (status is >= 200 and <= 299)
            {
                return new(WebhookSendOutcome.Delivered, status, null, milliseconds);
            }

            var error = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
            return IsRetryable(status)
                ? new(WebhookSendOutcome.Retry, status, error, milliseconds)
                : new(WebhookSendOutcome.Permanent, status, status is >= 300 and <= 399 ? error + " (redirects are not followed)" : error, milliseconds);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            var seconds = options.RequestTimeoutSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return new(WebhookSendOutcome.Retry, null, $"timeout after {seconds} s", time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (HttpRequestException e)
        {
            return new(WebhookSendOutcome.Retry, null, Describe(e), time.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>Request Timeout, Too Many Requests and server errors may succeed later; other refusals will not.</summary>
    public static bool IsRetryable(int status) => status is 408 or 429 or >= 500;

    private static string Describe(HttpRequestException e)
    {
        var kind = e.HttpRequestError switch
        {
            HttpRequestError.ConnectionError => "connection failed",
            HttpRequestError.NameResolutionError => "name resolution failed",
            HttpRequestError.SecureConnectionError => "TLS failed",
            _ => "request failed",
        };
        return $"{kind}: {e.Message}";
    }
}

/// <summary>What became of one attempt.</summary>
internal enum WebhookSendOutcome
{
    /// <summary>2xx.</summary>
    Delivered,

    /// <summary>Worth trying again later.</summary>
    Retry,

    /// <summary>Will not succeed by retrying.</summary>
    Permanent,
}

/// <summary>One attempt's outcome, status, error and duration.</summary>
internal sealed record WebhookSendResult(WebhookSendOutcome Outcome, int? StatusCode, string? Error, double DurationMilliseconds);

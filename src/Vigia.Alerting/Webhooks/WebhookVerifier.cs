using System.Globalization;
using System.Security.Cryptography;

namespace Vigia.Alerting.Webhooks;

/// <summary>
/// Verifies a received webhook as Standard Webhooks 1.0.0 "Verifying webhook signatures" says: all three headers
/// present; the timestamp an integer within ±<see cref="DefaultToleranceSeconds"/> of the receiver's clock (inclusive,
/// as every reference library does); and at least one <c>v1</c> entry of the space-separated signature list equal,
/// compared in constant time, to the HMAC of <c>{id}.{timestamp}.{body}</c>. Entries with another version tag
/// (<c>v1a</c> is ed25519) or that are not base64 are skipped. Bad input gives a result, never an exception.
/// </summary>
/// <remarks>Verify the raw body bytes as received: parsing and re-serialising the JSON changes them.</remarks>
public static class WebhookVerifier
{
    /// <summary>The tolerance every reference library uses, seconds either way.</summary>
    public const int DefaultToleranceSeconds = 300;

    /// <summary>Verifies with the three header values given one by one (null when absent).</summary>
    public static WebhookVerification Verify(
        WebhookSecret secret,
        string? messageId,
        string? timestamp,
        string? signature,
        ReadOnlySpan<byte> payload,
        DateTimeOffset now,
        int toleranceSeconds = DefaultToleranceSeconds)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentOutOfRangeException.ThrowIfNegative(toleranceSeconds);
        var missing = string.IsNullOrEmpty(messageId) ? WebhookHeaders.Id
            : string.IsNullOrEmpty(timestamp) ? WebhookHeaders.Timestamp
            : string.IsNullOrEmpty(signature) ? WebhookHeaders.Signature
            : null;
        if (missing is not null)
        {
            return new(WebhookVerifyStatus.MissingHeader, $"missing header {missing}");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var sentUnixSeconds))
        {
            return new(WebhookVerifyStatus.TimestampNotInteger, $"{WebhookHeaders.Timestamp} '{Shorten(timestamp!)}' is not an integer number of Unix seconds");
        }

        var nowUnixSeconds = now.ToUnixTimeSeconds();
        if (sentUnixSeconds < nowUnixSeconds - toleranceSeconds)
        {
            return new(WebhookVerifyStatus.TimestampTooOld, $"timestamp {sentUnixSeconds} is {nowUnixSeconds - sentUnixSeconds} s before now ({nowUnixSeconds}); tolerance {toleranceSeconds} s");
        }

        if (sentUnixSeconds > nowUnixSeconds + toleranceSeconds)
        {
            return new(WebhookVerifyStatus.TimestampTooNew, $"timestamp {sentUnixSeconds} is {sentUnixSeconds - nowUnixSeconds} s after now ({nowUnixSeconds}); tolerance {toleranceSeconds} s");
        }

        Span<byte> expected = stackalloc byte[WebhookSigner.SignatureBytes];
        WebhookSigner.Compute(secret.Key, messageId!, timestamp!, payload, expected);
        Span<byte> received = stackalloc byte[WebhookSigner.SignatureBytes + 3];
        var checkedEntries = 0;
        foreach (var range in signature.AsSpan().Split(' '))
        {
            var entry = signature.AsSpan()[range];
            var comma = entry.IndexOf(',');
            if (comma < 0 || !entry[..comma].SequenceEqual(WebhookSigner.SymmetricVersion))
            {
                continue;
            }

            checkedEntries++;
            if (Convert.TryFromBase64Chars(entry[(comma + 1)..], received, out var length)
                && length == WebhookSigner.SignatureBytes
                && CryptographicOperations.FixedTimeEquals(expected, received[..length]))
            {
                return new(WebhookVerifyStatus.Valid, "ok");
            }
        }

        return new(WebhookVerifyStatus.NoMatchingSignature, $"no matching signature: none of the {checkedEntries} {WebhookSigner.SymmetricVersion} entries in {WebhookHeaders.Signature} matches the secret, id, timestamp and body");
    }

    /// <summary>Verifies with the request's headers (names matched case-insensitively; the first of repeated headers is used).</summary>
    public static WebhookVerification Verify(
        WebhookSecret secret,
        IEnumerable<KeyValuePair<string, string>> headers,
        ReadOnlySpan<byte> payload,
        DateTimeOffset now,
        int toleranceSeconds = DefaultToleranceSeconds)
    {
        ArgumentNullException.ThrowIfNull(headers);
        string? id = null, timestamp = null, signature = null;
        foreach (var (name, value) in headers)
        {
            if (id is null && string.Equals(name, WebhookHeaders.Id, StringComparison.OrdinalIgnoreCase))
            {
                id = value;
            }
            else if (timestamp is null && string.Equals(name, WebhookHeaders.Timestamp, StringComparison.OrdinalIgnoreCase))
            {
                timestamp = value;
            }
            else if (signature is null && string.Equals(name, WebhookHeaders.Signature, StringComparison.OrdinalIgnoreCase))
            {
                signature = value;
            }
        }

        return Verify(secret, id, timestamp, signature, payload, now, toleranceSeconds);
    }

    private static string Shorten(string text) => text.Length <= 32 ? text : text[..32] + "…";
}

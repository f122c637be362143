using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vigia.Alerting.Webhooks;

/// <summary>
/// Signs webhook messages as Standard Webhooks 1.0.0 "Signature scheme" says: HMAC-SHA256 keyed with the secret's
/// bytes over <c>{webhook-id}.{webhook-timestamp}.{body}</c> (the exact body bytes sent), written
/// <c>v1,&lt;base64&gt;</c> in the <c>webhook-signature</c> header.
/// </summary>
/// <remarks>Thread-safety: immutable; <see cref="Sign"/> may be called concurrently.</remarks>
public sealed class WebhookSigner
{
    /// <summary>The version tag of symmetric (HMAC-SHA256) signatures.</summary>
    public const string SymmetricVersion = "v1";

    /// <summary>Bytes of an HMAC-SHA256 signature.</summary>
    internal const int SignatureBytes = HMACSHA256.HashSizeInBytes;

    private readonly WebhookSecret _secret;

    /// <summary>A signer with <paramref name="secret"/>.</summary>
    public WebhookSigner(WebhookSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        _secret = secret;
    }

    /// <summary>The <c>webhook-signature</c> value for one attempt: <c>v1,&lt;base64 HMAC-SHA256&gt;</c>.</summary>
    /// <param name="messageId">The <c>webhook-id</c> (non-empty).</param>
    /// <param name="timestampUnixSeconds">The <c>webhook-timestamp</c> of this attempt, integer Unix seconds.</param>
    /// <param name="payload">The body bytes exactly as they are sent.</param>
    public string Sign(string messageId, long timestampUnixSeconds, ReadOnlySpan<byte> payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        Span<byte> mac = stackalloc byte[SignatureBytes];
        Compute(_secret.Key, messageId, timestampUnixSeconds.ToString(CultureInfo.InvariantCulture), payload, mac);
        return SymmetricVersion + "," + Convert.ToBase64String(mac);
    }

    /// <summary>HMAC-SHA256 of <c>{id}.{timestamp}.{payload}</c> into <paramref name="mac"/> (32 bytes).</summary>
    internal static void Compute(ReadOnlySpan<byte> key, string messageId, string timestamp, ReadOnlySpan<byte> payload, Span<byte> mac)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes(messageId));
        hmac.AppendData("."u8);
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp));
        hmac.AppendData("."u8);
        hmac.AppendData(payload);
        hmac.GetHashAndReset(mac);
    }
}

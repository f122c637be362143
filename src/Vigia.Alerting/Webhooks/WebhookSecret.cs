using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Vigia.Alerting.Webhooks;

/// <summary>
/// A Standard Webhooks symmetric signing secret: <c>whsec_</c> followed by the standard, padded base64 of
/// 24 to 64 random bytes (Standard Webhooks 1.0.0, "Symmetric signatures"). The bytes are the HMAC-SHA256 key.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> never shows the key; <see cref="Encode"/> does, for the one place it must be handed out.
/// Thread-safety: immutable.
/// </remarks>
public sealed class WebhookSecret
{
    /// <summary>The prefix that marks a symmetric secret.</summary>
    public const string Prefix = "whsec_";

    /// <summary>Fewest key bytes the spec allows.</summary>
    public const int MinBytes = 24;

    /// <summary>Most key bytes the spec allows.</summary>
    public const int MaxBytes = 64;

    /// <summary>Key bytes of a <see cref="Generate"/>d secret (256 bits, the HMAC-SHA256 block's natural key size).</summary>
    public const int DefaultBytes = 32;

    private readonly byte[] _key;

    private WebhookSecret(byte[] key) => _key = key;

    /// <summary>The HMAC key.</summary>
    internal ReadOnlySpan<byte> Key => _key;

    /// <summary>A new secret of <paramref name="byteCount"/> bytes from the system's cryptographic random generator.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="byteCount"/> is outside [<see cref="MinBytes"/>, <see cref="MaxBytes"/>].</exception>
    public static WebhookSecret Generate(int byteCount = DefaultBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(byteCount, MinBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(byteCount, MaxBytes);
        return new WebhookSecret(RandomNumberGenerator.GetBytes(byteCount));
    }

    /// <summary>
    /// Reads a secret: <c>whsec_</c> + base64, or the bare base64 (reference libraries accept both). False, with
    /// <paramref name="error"/> saying what is wrong, when it is empty, not base64 or not 24–64 bytes long.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out WebhookSecret? secret, [NotNullWhen(false)] out string? error)
    {
        secret = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the webhook secret is empty";
            return false;
        }

        var encoded = text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..] : text;
        if (encoded.Length == 0)
        {
            error = $"the webhook secret has nothing after '{Prefix}'";
            return false;
        }

        var key = new byte[(encoded.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(encoded, key, out var length))
        {
            error = $"the webhook secret is not valid base64 after '{Prefix}' (standard alphabet, padded with '=')";
            return false;
        }

        if (length is < MinBytes or > MaxBytes)
        {
            error = $"the webhook secret decodes to {length} bytes; a Standard Webhooks secret is {MinBytes} to {MaxBytes} random bytes";
            return false;
        }

        secret = new WebhookSecret(key[..length]);
        error = null;
        return true;
    }

    /// <summary>Reads a secret as <see cref="TryParse"/> does.</summary>
    /// <exception cref="FormatException">The text is not a valid secret; the message says why.</exception>
    public static WebhookSecret Parse(string text) =>
        TryParse(text, out var secret, out var error) ? secret : throw new FormatException(error);

    /// <summary>The secret as text (<c>whsec_</c> + base64), to store or to give to the receiver once.</summary>
    public string Encode() => Prefix + Convert.ToBase64String(_key);

    /// <summary>A redacted form, safe for logs.</summary>
    public override string ToString() => Prefix + "(redacted)";
}

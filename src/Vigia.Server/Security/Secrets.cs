using System.Security.Cryptography;
using System.Text;

namespace Vigia.Server.Security;

/// <summary>
/// Bearer secrets: 32 random bytes, base64url, with a prefix that says what they are
/// (<c>vgs_</c> sensor token, <c>vgk_</c> operator key). Only their SHA-256 is stored: a 256-bit random
/// secret needs no slow hash, and a stolen database yields no usable credential.
/// </summary>
public static class Secrets
{
    /// <summary>Prefix of sensor tokens.</summary>
    public const string SensorPrefix = "vgs_";

    /// <summary>Prefix of operator API keys.</summary>
    public const string KeyPrefix = "vgk_";

    /// <summary>A new random secret with <paramref name="prefix"/>.</summary>
    public static string Generate(string prefix)
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return prefix + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The SHA-256 of the secret's UTF-8 text (what the journal stores).</summary>
    public static byte[] Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return SHA256.HashData(Encoding.UTF8.GetBytes(secret));
    }
}

using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Vigia.Server.Outputs.Tak;

/// <summary>
/// Loads and checks what <see cref="TakTlsOptions"/> names (the validator and the client share it, so a setting
/// that passed validation loads the same way), and builds the client's TLS options.
/// </summary>
public static class TakTls
{
    /// <summary>Reads the certificates of a PEM or DER file; false with the reason when it is missing, unreadable or holds none.</summary>
    public static bool TryLoadTrust(string path, out X509Certificate2Collection certificates, out string error)
    {
        ArgumentNullException.ThrowIfNull(path);
        certificates = [];
        if (!File.Exists(path))
        {
            error = $"'{path}' does not exist";
            return false;
        }

        try
        {
            var text = File.ReadAllText(path);
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                certificates.ImportFromPem(text);
            }
            else
            {
                certificates.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            error = $"'{path}' holds no readable certificate ({ex.Message})";
            return false;
        }

        error = certificates.Count == 0 ? $"'{path}' holds no certificate" : "";
        return certificates.Count > 0;
    }

    /// <summary>Opens a PKCS#12 client certificate; false with the reason (naming the password when it is wrong) otherwise.</summary>
    public static bool TryLoadClientCertificate(string path, string? password, out X509Certificate2? certificate, out string field, out string error)
    {
        ArgumentNullException.ThrowIfNull(path);
        certificate = null;
        field = nameof(TakTlsOptions.ClientCertificate);
        if (!File.Exists(path))
        {
            error = $"'{path}' does not exist";
            return false;
        }

        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException ex)
        {
            // A wrong password and a file that is not PKCS#12 both land here; say which field to look at first.
            field = nameof(TakTlsOptions.ClientCertificatePassword);
            error = $"does not open '{path}' as PKCS#12 ({ex.Message})";
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"'{path}' cannot be read ({ex.Message})";
            return false;
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            certificate = null;
            error = $"'{path}' holds no private key: TAK Server needs the client's key to accept it";
            return false;
        }

        error = "";
        return true;
    }

    /// <summary>Parses comma-separated SHA-256 fingerprints (hex, colons and spaces allowed); false with the reason otherwise.</summary>
    public static bool TryParsePins(string text, out IReadOnlyList<byte[]> pins, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = new List<byte[]>();
        pins = parsed;
        foreach (var entry in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var hex = entry.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            if (hex.Length != 2 * SHA256.HashSizeInBytes || !hex.All(char.IsAsciiHexDigit))
            {
                error = $"'{entry}' is not a SHA-256 fingerprint (64 hex digits)";
                return false;
            }

            parsed.Add(Convert.FromHexString(hex));
        }

        error = parsed.Count == 0 ? "no fingerprint given" : "";
        return parsed.Count > 0;
    }

    /// <summary>The SHA-256 fingerprint of a certificate, upper-case hex (as <c>openssl x509 -fingerprint -sha256</c> prints it, without colons).</summary>
    public static string Fingerprint(X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
    }

    /// <summary>
    /// The client's TLS options for <paramref name="host"/>, from options already validated (a file that no longer
    /// loads throws <see cref="InvalidOperationException"/> naming the field).
    /// </summary>
    public static SslClientAuthenticationOptions ClientOptions(TakTlsOptions options, string host)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new SslClientAuthenticationOptions
        {
            TargetHost = string.IsNullOrWhiteSpace(options.ServerName) ? host : options.ServerName,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        };
        if (!string.IsNullOrWhiteSpace(options.ClientCertificate))
        {
            if (!TryLoadClientCertificate(options.ClientCertificate, options.ClientCertificatePassword, out var client, out var field, out var error))
            {
                throw new InvalidOperationException($"{TakOptions.Section}:Tcp:Tls:{field}: {error}");
            }

            result.ClientCertificates = [client!];
        }

        if (!string.IsNullOrWhiteSpace(options.PinnedCertificateSha256))
        {
            if (!TryParsePins(options.PinnedCertificateSha256, out var pins, out var error))
            {
                throw new InvalidOperationException($"{TakOptions.Section}:Tcp:Tls:{nameof(TakTlsOptions.PinnedCertificateSha256)}: {error}");
            }

            result.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && pins.Any(p => CryptographicOperations.FixedTimeEquals(p, certificate.GetCertHash(HashAlgorithmName.SHA256)));
        }
        else if (!string.IsNullOrWhiteSpace(options.TrustFile))
        {
            if (!TryLoadTrust(options.TrustFile, out var trust, out var error))
            {
                throw new InvalidOperationException($"{TakOptions.Section}:Tcp:Tls:{nameof(TakTlsOptions.TrustFile)}: {error}");
            }

            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.AddRange(trust);
            result.CertificateChainPolicy = policy;
        }

        return result;
    }

    /// <summary>A string for logs: which of the server-trust modes is in use.</summary>
    public static string Describe(TakTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var trust = !string.IsNullOrWhiteSpace(options.PinnedCertificateSha256) ? "pinned certificate"
            : !string.IsNullOrWhiteSpace(options.TrustFile) ? "trust file " + options.TrustFile
            : "system trust store";
        return string.Create(CultureInfo.InvariantCulture, $"TLS, {trust}{(string.IsNullOrWhiteSpace(options.ClientCertificate) ? "" : ", client certificate")}");
    }
}

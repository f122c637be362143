namespace Vigia.Server.Outputs.Tak;

/// <summary>
/// TLS for the TAK Server stream, section <c>Vigia:Tak:Tcp:Tls</c>: TAK Server's TLS CoT input (8089) with a
/// client certificate. The server's certificate is accepted when it matches a pin
/// (<see cref="PinnedCertificateSha256"/>: nothing else is checked), else when it chains to a certificate of
/// <see cref="TrustFile"/> and names <see cref="ServerName"/>, else by the system's trust store and that name.
/// </summary>
public sealed class TakTlsOptions
{
    /// <summary>TAK Server's default TLS CoT input port.</summary>
    public const int DefaultPort = 8089;

    /// <summary>Whether the stream is TLS (set <see cref="TakTcpOptions.Port"/> to the server's TLS port, usually 8089).</summary>
    public bool Enabled { get; set; }

    /// <summary>The name the server's certificate must hold (and the SNI sent); empty for <see cref="TakTcpOptions.Host"/>.</summary>
    public string? ServerName { get; set; }

    /// <summary>
    /// A file of CA (or server) certificates, PEM (one or more <c>BEGIN CERTIFICATE</c> blocks) or DER, to trust
    /// instead of the system store: TAK Server's own CA (its <c>truststore-root</c> exported as PEM). Empty for the
    /// system store. Revocation is not checked (private TAK CAs publish none).
    /// </summary>
    public string? TrustFile { get; set; }

    /// <summary>
    /// SHA-256 fingerprints of accepted server certificates, hex (colons and spaces allowed), several separated by
    /// commas. When set, a server certificate is accepted if and only if it matches one: chain and name are not checked.
    /// </summary>
    public string? PinnedCertificateSha256 { get; set; }

    /// <summary>The client certificate and its private key, a PKCS#12 (<c>.p12</c>/<c>.pfx</c>) file as TAK Server's <c>makeCert.sh client</c> writes.</summary>
    public string? ClientCertificate { get; set; }

    /// <summary>The PKCS#12 file's password (TAK Server's default is <c>atakatak</c>; keep it in a secret store or environment variable).</summary>
    public string? ClientCertificatePassword { get; set; }
}

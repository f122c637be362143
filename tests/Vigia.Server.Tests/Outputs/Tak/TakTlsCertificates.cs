using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Vigia.Server.Tests.Outputs.Tak;

/// <summary>
/// Certificates made in the test, as a TAK Server's <c>makeRootCa.sh</c> / <c>makeCert.sh</c> would: a root CA,
/// a server certificate it signs for 127.0.0.1 and <c>localhost</c>, and a client certificate in a
/// password-protected PKCS#12 file; plus files of them in a fresh folder.
/// </summary>
internal sealed class TakTlsCertificates : IDisposable
{
    public const string ClientPassword = "atakatak";

    public TakTlsCertificates()
    {
        Directory = Vigia.Testing.TestPaths.NewTempDirectory();
        Ca = Authority("CN=Vigia Test TAK CA");
        Server = Issue(Ca, "CN=tak-test-server", serverAuth: true);
        var client = Issue(Ca, "CN=vigia-client", serverAuth: false);
        ClientThumbprint = client.Thumbprint;
        ClientPfx = Path.Combine(Directory, "vigia-client.p12");
        File.WriteAllBytes(ClientPfx, client.Export(X509ContentType.Pkcs12, ClientPassword));
        client.Dispose();
        CaPem = Path.Combine(Directory, "ca.pem");
        File.WriteAllText(CaPem, Ca.ExportCertificatePem());
    }

    public string Directory { get; }

    public X509Certificate2 Ca { get; }

    /// <summary>The server's certificate with its private key (for the test's listener).</summary>
    public X509Certificate2 Server { get; }

    public string ClientThumbprint { get; }

    public string ClientPfx { get; }

    public string CaPem { get; }

    /// <summary>Another CA's certificate, as PEM in its own file: a trust file that does not vouch for <see cref="Server"/>.</summary>
    public string OtherCaPem()
    {
        using var other = Authority("CN=Some Other CA");
        var path = Path.Combine(Directory, "other-ca.pem");
        File.WriteAllText(path, other.ExportCertificatePem());
        return path;
    }

    public void Dispose()
    {
        Server.Dispose();
        Ca.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static X509Certificate2 Authority(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, bool serverAuth)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        // Through PKCS#12 so the key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}

using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Options;
using Vigia.Alerting.Cot;
using Vigia.Server.Outputs.Tak;

namespace Vigia.Server.Tests.Outputs.Tak;

/// <summary>CoT over TLS to a real loopback TLS listener standing in for TAK Server's 8089 input, with certificates made in the test.</summary>
public sealed class CotTcpTlsTests : IDisposable
{
    private readonly TakTlsCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task TrustFile_TheEventArrivesOverTls_AndTheClientCertificateIsPresented()
    {
        using var listener = Listen();
        await using var host = Host(Port(listener), new()
        {
            ["Vigia:Tak:Tcp:Tls:TrustFile"] = _certificates.CaPem,
            ["Vigia:Tak:Tcp:Tls:ClientCertificate"] = _certificates.ClientPfx,
            ["Vigia:Tak:Tcp:Tls:ClientCertificatePassword"] = TakTlsCertificates.ClientPassword,
        });
        await host.Get<CotTcpClient>().StartAsync(TestContext.Current.CancellationToken);

        var (tls, client) = await AcceptTlsAsync(listener);
        await using var _ = tls;
        host.Publisher.Publish(host.Get<CotEventBuilder>().Track(TakSamples.Track(5)));

        Assert.Equal("vigia-track-5", (string)(await ReadEventAsync(tls)).Attribute("uid")!);
        Assert.Equal(_certificates.ClientThumbprint, client?.Thumbprint);
        Assert.True(tls.IsEncrypted);
        await TakTestHost.EventuallyAsync(() => host.Metrics.Snapshot().TcpSent == 1, "one sent");
    }

    [Fact]
    public async Task PinnedFingerprint_IsAccepted_WhateverTheName()
    {
        using var listener = Listen();
        await using var host = Host(Port(listener), new()
        {
            ["Vigia:Tak:Tcp:Tls:PinnedCertificateSha256"] = "00" + new string('1', 62) + ", " + TakTls.Fingerprint(_certificates.Server).ToLowerInvariant(),
            ["Vigia:Tak:Tcp:Tls:ServerName"] = "not-the-name.example",
        });
        await host.Get<CotTcpClient>().StartAsync(TestContext.Current.CancellationToken);

        var (tls, _) = await AcceptTlsAsync(listener, requireClientCertificate: false);
        await using var stream = tls;
        host.Publisher.Publish(host.Get<CotEventBuilder>().Track(TakSamples.Track(6)));

        Assert.Equal("vigia-track-6", (string)(await ReadEventAsync(tls)).Attribute("uid")!);
    }

    [Theory]
    [InlineData("other-ca")]
    [InlineData("wrong-pin")]
    [InlineData("wrong-name")]
    public async Task AnUntrustedServerCertificate_IsRefused_AndNothingIsSent(string why)
    {
        using var listener = Listen();
        var settings = why switch
        {
            "other-ca" => new Dictionary<string, string?> { ["Vigia:Tak:Tcp:Tls:TrustFile"] = _certificates.OtherCaPem() },
            "wrong-pin" => new Dictionary<string, string?> { ["Vigia:Tak:Tcp:Tls:PinnedCertificateSha256"] = TakTls.Fingerprint(_certificates.Ca) },
            _ => new Dictionary<string, string?> { ["Vigia:Tak:Tcp:Tls:TrustFile"] = _certificates.CaPem, ["Vigia:Tak:Tcp:Tls:ServerName"] = "tak.example" },
        };
        await using var host = Host(Port(listener), settings);
        host.Publisher.Publish(host.Get<CotEventBuilder>().Track(TakSamples.Track(7)));
        await host.Get<CotTcpClient>().StartAsync(TestContext.Current.CancellationToken);

        using var socket = await AcceptAsync(listener);
        Assert.Equal(0, await PlaintextReceivedAsync(socket));

        await TakTestHost.EventuallyAsync(() => host.Metrics.Snapshot().TcpConnectFailures >= 1, "the handshake counted as a failed attempt");
        var counters = host.Metrics.Snapshot();
        Assert.Equal((0L, 0L), (counters.TcpConnects, counters.TcpSent));
        Assert.False(host.Get<CotTcpClient>().IsConnected);
    }

    [Fact]
    public async Task MissingFiles_AWrongPassword_AndABadPin_FailValidationNamingTheField()
    {
        var wrong = await ValidationErrorAsync(new()
        {
            ["Vigia:Tak:Tcp:Tls:TrustFile"] = Path.Combine(_certificates.Directory, "no-such-ca.pem"),
            ["Vigia:Tak:Tcp:Tls:ClientCertificate"] = _certificates.ClientPfx,
            ["Vigia:Tak:Tcp:Tls:ClientCertificatePassword"] = "not-the-password",
            ["Vigia:Tak:Tcp:Tls:PinnedCertificateSha256"] = "AB:CD",
            ["Vigia:Tak:Tcp:Tls:ServerName"] = "tak server!",
        });
        var missing = await ValidationErrorAsync(new() { ["Vigia:Tak:Tcp:Tls:ClientCertificate"] = Path.Combine(_certificates.Directory, "none.p12") });
        var notACertificate = Path.Combine(_certificates.Directory, "notes.txt");
        await File.WriteAllTextAsync(notACertificate, "not a certificate", TestContext.Current.CancellationToken);
        var garbage = await ValidationErrorAsync(new() { ["Vigia:Tak:Tcp:Tls:TrustFile"] = notACertificate });

        Assert.Contains("Vigia:Tak:Tcp:Tls:TrustFile: '" + Path.Combine(_certificates.Directory, "no-such-ca.pem") + "' does not exist", wrong, StringComparison.Ordinal);
        Assert.Contains("Vigia:Tak:Tcp:Tls:ClientCertificatePassword: does not open '" + _certificates.ClientPfx + "'", wrong, StringComparison.Ordinal);
        Assert.Contains("Vigia:Tak:Tcp:Tls:PinnedCertificateSha256: 'AB:CD' is not a SHA-256 fingerprint", wrong, StringComparison.Ordinal);
        Assert.Contains("Vigia:Tak:Tcp:Tls:ServerName: 'tak server!' is not a host name or IP address", wrong, StringComparison.Ordinal);
        Assert.Contains("Vigia:Tak:Tcp:Tls:ClientCertificate: '", missing, StringComparison.Ordinal);
        Assert.Contains("Vigia:Tak:Tcp:Tls:TrustFile: '" + notACertificate + "' holds no", garbage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidTlsSettings_PassValidation_EvenWithTcpOff()
    {
        await using var host = new TakTestHost(new Dictionary<string, string?>
        {
            ["Vigia:Tak:Tcp:Tls:Enabled"] = "true",
            ["Vigia:Tak:Tcp:Tls:TrustFile"] = _certificates.CaPem,
            ["Vigia:Tak:Tcp:Tls:ClientCertificate"] = _certificates.ClientPfx,
            ["Vigia:Tak:Tcp:Tls:ClientCertificatePassword"] = TakTlsCertificates.ClientPassword,
        });

        Assert.True(host.Get<IOptions<TakOptions>>().Value.Tcp.Tls.Enabled);
    }

    private static async Task<string> ValidationErrorAsync(Dictionary<string, string?> settings)
    {
        await using var host = new TakTestHost(settings);
        return Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<TakOptions>>().Value).Message;
    }

    private static TcpListener Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    private static TakTestHost Host(int port, Dictionary<string, string?> tls)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Vigia:Tak:Tcp:Enabled"] = "true",
            ["Vigia:Tak:Tcp:Host"] = "127.0.0.1",
            ["Vigia:Tak:Tcp:Port"] = TakTestHost.Port(port),
            ["Vigia:Tak:Tcp:ReconnectMinSeconds"] = "0.05",
            ["Vigia:Tak:Tcp:ReconnectMaxSeconds"] = "0.2",
            ["Vigia:Tak:Tcp:Tls:Enabled"] = "true",
        };
        foreach (var (key, value) in tls)
        {
            settings[key] = value;
        }

        return new TakTestHost(settings);
    }

    private static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

    private SslServerAuthenticationOptions ServerOptions(bool requireClientCertificate, Action<X509Certificate?>? client = null) => new()
    {
        ServerCertificate = _certificates.Server,
        ClientCertificateRequired = requireClientCertificate,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        EnabledSslProtocols = SslProtocols.None,
        // The test stands in for TAK Server: it records the client's certificate rather than judging it.
        RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            client?.Invoke(certificate);
            return !requireClientCertificate || certificate is not null;
        },
    };

    private static async Task<Socket> AcceptAsync(TcpListener listener)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await listener.AcceptSocketAsync(timeout.Token);
    }

    private async Task<(SslStream Tls, X509Certificate2? Client)> AcceptTlsAsync(TcpListener listener, bool requireClientCertificate = true)
    {
        var socket = await AcceptAsync(listener);
        var tls = new SslStream(new NetworkStream(socket, ownsSocket: true));
        X509Certificate2? client = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        await tls.AuthenticateAsServerAsync(ServerOptions(requireClientCertificate, c => client = c is null ? null : new X509Certificate2(c)), timeout.Token);
        return (tls, client);
    }

    /// <summary>
    /// Plaintext bytes the client sends after the handshake: 0 when it refuses the server. (With TLS 1.3 the server's
    /// side of the handshake can finish before the client has judged the certificate; the client then closes.)
    /// </summary>
    private async Task<int> PlaintextReceivedAsync(Socket socket)
    {
        await using var tls = new SslStream(new NetworkStream(socket, ownsSocket: false));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await tls.AuthenticateAsServerAsync(ServerOptions(requireClientCertificate: false), timeout.Token);
            return await tls.ReadAsync(new byte[4096], timeout.Token);
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
            return 0;
        }
    }

    private static async Task<XElement> ReadEventAsync(Stream stream)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var text = new StringBuilder();
        var buffer = new byte[4096];
        while (!text.ToString().Contains("</event>", StringComparison.Ordinal))
        {
            var n = await stream.ReadAsync(buffer, timeout.Token);
            Assert.True(n > 0, "the client closed the stream");
            text.Append(Encoding.UTF8.GetString(buffer, 0, n));
        }

        var one = text.ToString();
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<event ", one, StringComparison.Ordinal);
        return XDocument.Parse(one).Root!;
    }
}

using System.Globalization;
using Microsoft.Extensions.Options;

namespace Vigia.Server.Outputs.Tak;

/// <summary>
/// Checks <see cref="TakOptions"/> at start; each failure names its configuration key, e.g.
/// <c>Vigia:Tak:Udp:Address: 'x' is not an IPv4/IPv6 address</c>. Set values are checked even for a
/// transport that is off, so a typo shows before someone turns it on.
/// </summary>
public sealed class TakOptionsValidator : IValidateOptions<TakOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TakOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string udp = TakOptions.Section + ":Udp";
        const string tcp = TakOptions.Section + ":Tcp";

        if (!TakInterfaces.TryParseAddress(options.Udp.Address, out _))
        {
            failures.Add($"{udp}:Address: '{options.Udp.Address}' is not an IPv4/IPv6 address");
        }

        Port(failures, udp, options.Udp.Port);
        if (options.Udp.Ttl is < 0 or > 255)
        {
            failures.Add($"{udp}:Ttl: {options.Udp.Ttl} is outside 0–255");
        }

        if (!string.IsNullOrWhiteSpace(options.Udp.Interface) && !TakInterfaces.TryResolve(options.Udp.Interface, out _, out var why))
        {
            failures.Add($"{udp}:Interface: {why}");
        }

        if (options.Tcp.Enabled && string.IsNullOrWhiteSpace(options.Tcp.Host))
        {
            failures.Add($"{tcp}:Host: must be set when {tcp}:Enabled is true");
        }
        else if (!string.IsNullOrWhiteSpace(options.Tcp.Host) && !TakInterfaces.TryParseAddress(options.Tcp.Host, out _) && Uri.CheckHostName(options.Tcp.Host) != UriHostNameType.Dns)
        {
            failures.Add($"{tcp}:Host: '{options.Tcp.Host}' is not a host name or IP address");
        }

        Port(failures, tcp, options.Tcp.Port);
        if (options.Tcp.QueueCapacity is < 1 or > 1_000_000)
        {
            failures.Add($"{tcp}:QueueCapacity: {options.Tcp.QueueCapacity} is outside 1–1000000");
        }

        Seconds(failures, $"{tcp}:ReconnectMinSeconds", options.Tcp.ReconnectMinSeconds, 0.001, 3600);
        Seconds(failures, $"{tcp}:ReconnectMaxSeconds", options.Tcp.ReconnectMaxSeconds, options.Tcp.ReconnectMinSeconds, 86_400);
        Seconds(failures, $"{tcp}:ConnectTimeoutSeconds", options.Tcp.ConnectTimeoutSeconds, 0.01, 600);
        Tls(failures, options.Tcp);
        Seconds(failures, $"{TakOptions.Section}:TrackIntervalSeconds", options.TrackIntervalSeconds, 0, 3600);
        Seconds(failures, $"{TakOptions.Section}:TrackStaleSeconds", options.TrackStaleSeconds, 0.1, 3600);
        if (string.IsNullOrEmpty(options.UidPrefix) || !options.UidPrefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            failures.Add($"{TakOptions.Section}:UidPrefix: '{options.UidPrefix}' must be letters, digits, '-', '_' or '.'");
        }

        if (options.Language is not ("es" or "en"))
        {
            failures.Add($"{TakOptions.Section}:Language: '{options.Language}' is not es or en");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every TLS setting that is set must load: files exist and open, pins parse, the name is a host name.</summary>
    private static void Tls(List<string> failures, TakTcpOptions tcp)
    {
        const string tls = TakOptions.Section + ":Tcp:Tls";
        var o = tcp.Tls;
        if (!string.IsNullOrWhiteSpace(o.ServerName) && !TakInterfaces.TryParseAddress(o.ServerName, out _) && Uri.CheckHostName(o.ServerName) != UriHostNameType.Dns)
        {
            failures.Add($"{tls}:ServerName: '{o.ServerName}' is not a host name or IP address");
        }

        if (!string.IsNullOrWhiteSpace(o.TrustFile))
        {
            var loaded = TakTls.TryLoadTrust(o.TrustFile, out var trust, out var trustError);
            foreach (var certificate in trust)
            {
                certificate.Dispose();
            }

            if (!loaded)
            {
                failures.Add($"{tls}:TrustFile: {trustError}");
            }
        }

        if (!string.IsNullOrWhiteSpace(o.PinnedCertificateSha256) && !TakTls.TryParsePins(o.PinnedCertificateSha256, out _, out var pinError))
        {
            failures.Add($"{tls}:PinnedCertificateSha256: {pinError}");
        }

        if (!string.IsNullOrWhiteSpace(o.ClientCertificate))
        {
            if (TakTls.TryLoadClientCertificate(o.ClientCertificate, o.ClientCertificatePassword, out var client, out var field, out var clientError))
            {
                client!.Dispose();
            }
            else
            {
                failures.Add($"{tls}:{field}: {clientError}");
            }
        }
        else if (!string.IsNullOrEmpty(o.ClientCertificatePassword))
        {
            failures.Add($"{tls}:ClientCertificatePassword: set without {tls}:ClientCertificate");
        }
    }

    private static void Port(List<string> failures, string section, int port)
    {
        if (port is < 1 or > 65535)
        {
            failures.Add($"{section}:Port: {port} is outside 1–65535");
        }
    }

    private static void Seconds(List<string> failures, string key, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{key}: {value} is outside {min}–{max} seconds"));
        }
    }
}

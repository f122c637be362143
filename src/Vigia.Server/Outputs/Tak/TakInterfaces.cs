using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Vigia.Server.Outputs.Tak;

/// <summary>Finds the network interface multicast should leave by, from a name or one of its addresses; reads addresses strictly.</summary>
internal static class TakInterfaces
{
    /// <summary>
    /// An IPv6 address, or an IPv4 address in full dotted-quad form. <see cref="IPAddress.TryParse(string?, out IPAddress?)"/>
    /// alone also takes the legacy short forms ("239.2.3" is 239.2.0.3), which in a configuration are typos.
    /// </summary>
    public static bool TryParseAddress(string? text, out IPAddress? address)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text) || !IPAddress.TryParse(text, out var parsed))
        {
            return false;
        }

        if (parsed.AddressFamily == AddressFamily.InterNetwork)
        {
            var parts = text.Split('.');
            if (parts.Length != 4 || parts.Any(p => p.Length is 0 or > 3 || !p.All(char.IsAsciiDigit)))
            {
                return false;
            }
        }

        address = parsed;
        return true;
    }

    public static bool TryResolve(string nameOrAddress, out NetworkInterface? found, out string? reason)
    {
        var all = NetworkInterface.GetAllNetworkInterfaces();
        var isAddress = TryParseAddress(nameOrAddress, out var address);
        found = all.FirstOrDefault(n => n.Name == nameOrAddress)
            ?? (isAddress ? all.FirstOrDefault(n => n.GetIPProperties().UnicastAddresses.Any(u => u.Address.Equals(address))) : null);
        reason = found is null
            ? $"'{nameOrAddress}' is not a network interface or address of this machine (have: {string.Join(", ", all.Select(n => n.Name))})"
            : null;
        return found is not null;
    }

    /// <summary>The interface's index for <paramref name="family"/>, or null if it has none for that family.</summary>
    public static int? Index(NetworkInterface nic, AddressFamily family)
    {
        var properties = nic.GetIPProperties();
        try
        {
            return family == AddressFamily.InterNetworkV6
                ? nic.Supports(NetworkInterfaceComponent.IPv6) ? properties.GetIPv6Properties().Index : null
                : nic.Supports(NetworkInterfaceComponent.IPv4) ? properties.GetIPv4Properties().Index : null;
        }
        catch (NetworkInformationException)
        {
            return null;
        }
    }
}

using System.Buffers.Binary;
using Vigia.Sensors.Capture;

namespace Vigia.Sensors.Radar;

/// <summary>Finds the UDP payload of a captured frame: Ethernet (with one 802.1Q tag), Linux cooked (SLL) or raw IPv4.</summary>
/// <remarks>
/// IPv4 only (ASTERIX networks are IPv4 multicast); fragments other than the first, and frames whose lengths do not
/// fit, are not UDP payloads here. Thread-safety: stateless.
/// </remarks>
public static class UdpFrame
{
    /// <summary>pcap LINKTYPE_ETHERNET.</summary>
    public const int LinkTypeEthernet = 1;

    /// <summary>pcap LINKTYPE_RAW (IPv4 or IPv6 without a link header).</summary>
    public const int LinkTypeRaw = 101;

    /// <summary>pcap LINKTYPE_LINUX_SLL ("any" interface captures).</summary>
    public const int LinkTypeLinuxSll = 113;

    private const ushort EtherTypeIpv4 = 0x0800;
    private const ushort EtherTypeVlan = 0x8100;
    private const byte ProtocolUdp = 17;
    private const int UdpHeaderSize = 8;

    /// <summary>The UDP payload and destination port of <paramref name="frame"/>; false when it is not an IPv4 UDP datagram.</summary>
    public static bool TryGetPayload(ReadOnlySpan<byte> frame, CaptureLinkType linkType, out ReadOnlySpan<byte> payload, out int destinationPort)
    {
        payload = default;
        destinationPort = 0;
        int ip;
        switch ((int)linkType)
        {
            case LinkTypeEthernet when frame.Length >= 14:
                ip = 14;
                var etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
                if (etherType == EtherTypeVlan && frame.Length >= 18)
                {
                    etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[16..]);
                    ip = 18;
                }

                if (etherType != EtherTypeIpv4)
                {
                    return false;
                }

                break;
            case LinkTypeLinuxSll when frame.Length >= 16 && BinaryPrimitives.ReadUInt16BigEndian(frame[14..]) == EtherTypeIpv4:
                ip = 16;
                break;
            case LinkTypeRaw:
                ip = 0;
                break;
            default:
                return false;
        }

        return TryIpv4Udp(frame[ip..], out payload, out destinationPort);
    }

    private static bool TryIpv4Udp(ReadOnlySpan<byte> packet, out ReadOnlySpan<byte> payload, out int destinationPort)
    {
        payload = default;
        destinationPort = 0;
        if (packet.Length < 20 || packet[0] >> 4 != 4 || packet[9] != ProtocolUdp)
        {
            return false;
        }

        var headerLength = (packet[0] & 0x0F) * 4;
        var fragmentOffset = BinaryPrimitives.ReadUInt16BigEndian(packet[6..]) & 0x1FFF;
        if (headerLength < 20 || fragmentOffset != 0 || packet.Length < headerLength + UdpHeaderSize)
        {
            return false;
        }

        var udp = packet[headerLength..];
        int length = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
        if (length < UdpHeaderSize || length > udp.Length)
        {
            return false;
        }

        destinationPort = BinaryPrimitives.ReadUInt16BigEndian(udp[2..]);
        payload = udp[UdpHeaderSize..length];
        return true;
    }
}

using System.Buffers.Binary;

namespace Vigia.Server.Tests.Support;

/// <summary>Writes a classic pcap (microsecond, Ethernet) of UDP datagrams, as a radar feed's recording would be.</summary>
public static class UdpCaptureFile
{
    private const int EthernetHeader = 14, Ipv4Header = 20, UdpHeader = 8;

    /// <summary>Writes each payload as one Ethernet/IPv4/UDP frame to 232.1.1.11:<paramref name="port"/> at its capture time.</summary>
    public static void Write(string path, int port, IEnumerable<(DateTimeOffset Time, byte[] Payload)> datagrams)
    {
        using var file = File.Create(path);
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 65_535);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], 1); // LINKTYPE_ETHERNET
        file.Write(header);
        Span<byte> record = stackalloc byte[16];
        foreach (var (time, payload) in datagrams)
        {
            var frame = Frame(port, payload);
            var microseconds = (time - DateTimeOffset.UnixEpoch).Ticks / 10;
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)(microseconds / 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)(microseconds % 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[8..], (uint)frame.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)frame.Length);
            file.Write(record);
            file.Write(frame);
        }
    }

    private static byte[] Frame(int port, byte[] payload)
    {
        var frame = new byte[EthernetHeader + Ipv4Header + UdpHeader + payload.Length];
        byte[] mac = [0x01, 0x00, 0x5E, 0x01, 0x01, 0x0B, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01];
        mac.CopyTo(frame, 0);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
        var ip = frame.AsSpan(EthernetHeader);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(Ipv4Header + UdpHeader + payload.Length));
        ip[8] = 64;
        ip[9] = 17;
        byte[] addresses = [10, 17, 58, 183, 232, 1, 1, 11];
        addresses.CopyTo(ip[12..]);
        var udp = ip[Ipv4Header..];
        BinaryPrimitives.WriteUInt16BigEndian(udp, 40_000);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], (ushort)port);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)(UdpHeader + payload.Length));
        payload.CopyTo(udp[UdpHeader..]);
        return frame;
    }
}

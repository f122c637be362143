using System.Buffers.Binary;
using System.Globalization;

namespace Vigia.Protocols.Asterix.Tests.Support;

/// <summary>
/// A small classic-pcap reader for the shared radar captures: Ethernet (link type 1), optional 802.1Q tag, IPv4, UDP.
/// Test-only; the product reads captures in Vigia.Sensors.
/// </summary>
public static class PcapFile
{
    private const uint Magic = 0xA1B2C3D4;
    private const uint MagicNanoseconds = 0xA1B23C4D;

    /// <summary>The UDP payloads of <paramref name="path"/>, in file order.</summary>
    public static IReadOnlyList<UdpDatagram> ReadUdp(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        var little = magic is Magic or MagicNanoseconds;
        var nanoseconds = magic == MagicNanoseconds || BinaryPrimitives.ReverseEndianness(magic) == MagicNanoseconds;
        Assert.True(little || BinaryPrimitives.ReverseEndianness(magic) is Magic or MagicNanoseconds, "not a classic pcap file");
        Assert.Equal(1u, U32(bytes, 20, little));

        var datagrams = new List<UdpDatagram>();
        for (var pos = 24; pos + 16 <= bytes.Length;)
        {
            var seconds = U32(bytes, pos, little);
            var fraction = U32(bytes, pos + 4, little);
            var length = (int)U32(bytes, pos + 8, little);
            var frame = bytes.AsSpan(pos + 16, length);
            pos += 16 + length;
            var time = DateTime.UnixEpoch.AddSeconds(seconds).AddTicks(nanoseconds ? fraction / 100 : fraction * 10);
            if (TryUdp(frame, time, out var datagram))
            {
                datagrams.Add(datagram);
            }
        }

        return datagrams;
    }

    private static bool TryUdp(ReadOnlySpan<byte> frame, DateTime time, out UdpDatagram datagram)
    {
        datagram = null!;
        var etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
        var ip = 14;
        if (etherType == 0x8100)
        {
            etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[16..]);
            ip = 18;
        }

        if (etherType != 0x0800 || frame[ip + 9] != 17)
        {
            return false;
        }

        var udp = ip + ((frame[ip] & 0x0F) * 4);
        var udpLength = BinaryPrimitives.ReadUInt16BigEndian(frame[(udp + 4)..]);
        datagram = new UdpDatagram(
            time,
            Address(frame.Slice(ip + 12, 4)),
            Address(frame.Slice(ip + 16, 4)),
            BinaryPrimitives.ReadUInt16BigEndian(frame[(udp + 2)..]),
            frame.Slice(udp + 8, udpLength - 8).ToArray());
        return true;
    }

    private static string Address(ReadOnlySpan<byte> a) => string.Create(CultureInfo.InvariantCulture, $"{a[0]}.{a[1]}.{a[2]}.{a[3]}");

    private static uint U32(byte[] bytes, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
}

using System.Buffers.Binary;

namespace Vigia.Protocols.Asterix.Tests.Support;

/// <summary>Builds records and blocks from items by FRN, for hand-made vectors whose values come from the specification.</summary>
public static class RecordBuilder
{
    /// <summary>An FSPEC covering the given FRNs (FX on every octet but the last), then the items in FRN order.</summary>
    public static byte[] Record(params (int Frn, byte[] Item)[] items)
    {
        var ordered = items.OrderBy(i => i.Frn).ToArray();
        var octets = (ordered[^1].Frn + 6) / 7;
        var fspec = new byte[octets];
        foreach (var (frn, _) in ordered)
        {
            fspec[(frn - 1) / 7] |= (byte)(0x80 >> ((frn - 1) % 7));
        }

        for (var i = 0; i < octets - 1; i++)
        {
            fspec[i] |= 1;
        }

        return [.. fspec, .. ordered.SelectMany(i => i.Item)];
    }

    /// <summary>A data block: CAT, LEN (header included), then the records.</summary>
    public static byte[] Block(byte category, params byte[][] records)
    {
        var body = records.SelectMany(r => r).ToArray();
        var block = new byte[3 + body.Length];
        block[0] = category;
        BinaryPrimitives.WriteUInt16BigEndian(block.AsSpan(1), (ushort)block.Length);
        body.CopyTo(block, 3);
        return block;
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    /// <summary>Eight characters in the ICAO 6-bit set of Annex 10 Vol IV Table 3-9 (A–Z, space, digits), 6 octets.</summary>
    public static byte[] Icao6(string text)
    {
        ulong raw = 0;
        foreach (var c in text.PadRight(8))
        {
            var code = c switch
            {
                >= 'A' and <= 'Z' => c - 'A' + 1,
                ' ' => 32,
                >= '0' and <= '9' => c,
                _ => throw new ArgumentException("not in the ICAO set", nameof(text)),
            };
            raw = (raw << 6) | (uint)code;
        }

        var bytes = new byte[6];
        for (var i = 5; i >= 0; i--, raw >>= 8)
        {
            bytes[i] = (byte)raw;
        }

        return bytes;
    }
}

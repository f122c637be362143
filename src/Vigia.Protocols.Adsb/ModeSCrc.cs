namespace Vigia.Protocols.Adsb;

/// <summary>
/// The Mode S 24-bit cyclic redundancy check (ICAO Annex 10 Vol IV §3.1.2.3.3): generator polynomial
/// x^24 + x^23 + … + x^10 + x^3 + 1, i.e. <c>0x1FFF409</c> (<c>0xFFF409</c> without the x^24 term), computed
/// MSB first over all bits but the last 24, which carry the parity (PI or AP field).
/// </summary>
/// <remarks>
/// Table driven, one lookup per byte (a 112-bit frame costs 11). For DF11/17/18 the syndrome of a good frame is
/// 0 (DF11: the 7-bit interrogator code may remain); for DF0/4/5/16/20/21 the parity is overlaid with the
/// aircraft address, so the syndrome <em>is</em> the address (Annex 10 Vol IV §3.1.2.3.2.1.3, "AP").
/// Thread-safety: stateless; the table is immutable after type initialisation.
/// </remarks>
public static class ModeSCrc
{
    /// <summary>The generator polynomial without its x^24 term.</summary>
    public const uint Polynomial = 0xFFF409;

    /// <summary>Number of parity bytes at the end of every Mode S reply.</summary>
    public const int ParityLength = 3;

    private const uint Mask24 = 0xFFFFFF;

    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-24 of <paramref name="data"/> (a reply without its last 3 parity bytes).</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var table = Table;
        uint crc = 0;
        foreach (var b in data)
        {
            crc = ((crc << 8) ^ table[((crc >> 16) ^ b) & 0xFF]) & Mask24;
        }

        return crc;
    }

    /// <summary>
    /// The CRC of a whole reply XOR its parity field: 0 for a good DF17/18, the interrogator code for DF11, the
    /// aircraft address for an Address/Parity reply. Returns <see cref="uint.MaxValue"/> for fewer than 4 bytes.
    /// </summary>
    public static uint Syndrome(ReadOnlySpan<byte> reply)
    {
        if (reply.Length <= ParityLength)
        {
            return uint.MaxValue;
        }

        var n = reply.Length - ParityLength;
        var parity = ((uint)reply[n] << 16) | ((uint)reply[n + 1] << 8) | reply[n + 2];
        return Compute(reply[..n]) ^ parity;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i << 16;
            for (var bit = 0; bit < 8; bit++)
            {
                c = (c & 0x800000) != 0 ? ((c << 1) ^ Polynomial) & Mask24 : (c << 1) & Mask24;
            }

            table[i] = c;
        }

        return table;
    }
}

using System.Buffers.Binary;
using Vigia.Protocols.Asterix;

namespace Vigia.Sensors.Radar;

/// <summary>Finds which source sent the block holding a refused byte, to charge the refusal to the right counters.</summary>
/// <remarks>
/// Reads the SAC/SIC of the block's first record when its FSPEC sets FRN 1, which is I010 in every standard
/// category (021, 034, 048, 062, 065 and the others). Best effort: records of one block come from one source in
/// practice, but nothing on the wire promises it. Thread-safety: stateless.
/// </remarks>
internal static class BlockSource
{
    private const int HeaderSize = 3;
    private const int MaxFspecOctets = 8;

    public static bool TryFind(ReadOnlySpan<byte> datagram, int offset, out DataSourceIdentifier source)
    {
        source = default;
        var pos = 0;
        while (pos + HeaderSize <= datagram.Length)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(datagram[(pos + 1)..]);
            if (length <= HeaderSize || offset < pos + length || pos + length > datagram.Length)
            {
                return TryFirstRecord(datagram[Math.Min(pos + HeaderSize, datagram.Length)..Math.Min(pos + Math.Max(length, HeaderSize), datagram.Length)], out source);
            }

            pos += length;
        }

        return false;
    }

    private static bool TryFirstRecord(ReadOnlySpan<byte> records, out DataSourceIdentifier source)
    {
        source = default;
        if (records.IsEmpty || (records[0] & 0x80) == 0)
        {
            return false;
        }

        var fspec = 1;
        while ((records[fspec - 1] & 1) != 0 && fspec < records.Length && fspec < MaxFspecOctets)
        {
            fspec++;
        }

        if ((records[fspec - 1] & 1) != 0 || records.Length < fspec + 2)
        {
            return false;
        }

        source = new DataSourceIdentifier(records[fspec], records[fspec + 1]);
        return true;
    }
}

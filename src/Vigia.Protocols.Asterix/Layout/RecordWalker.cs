using System.Numerics;

namespace Vigia.Protocols.Asterix.Layout;

/// <summary>
/// Delimits one record by its FSPEC and UAP: checks every length against the bytes left and every FX chain,
/// repetition and explicit length against its bound, and records where each item starts (house style §4.3).
/// </summary>
/// <remarks>Never throws on bad data; allocates nothing. Thread-safety: stateless.</remarks>
internal static class RecordWalker
{
    /// <summary>The longest record a block can carry: 65,535 − 3 header octets.</summary>
    public const int MaxRecordLength = ushort.MaxValue - 3;

    private const string FspecName = "FSPEC";

    /// <summary>Bit-reversal of the 7 presence bits of an FSPEC octet: FRN 7k + 1 (bit 8) becomes bit 0.</summary>
    private static ReadOnlySpan<byte> Reverse7 =>
    [
        0x00, 0x40, 0x20, 0x60, 0x10, 0x50, 0x30, 0x70, 0x08, 0x48, 0x28, 0x68, 0x18, 0x58, 0x38, 0x78,
        0x04, 0x44, 0x24, 0x64, 0x14, 0x54, 0x34, 0x74, 0x0C, 0x4C, 0x2C, 0x6C, 0x1C, 0x5C, 0x3C, 0x7C,
        0x02, 0x42, 0x22, 0x62, 0x12, 0x52, 0x32, 0x72, 0x0A, 0x4A, 0x2A, 0x6A, 0x1A, 0x5A, 0x3A, 0x7A,
        0x06, 0x46, 0x26, 0x66, 0x16, 0x56, 0x36, 0x76, 0x0E, 0x4E, 0x2E, 0x6E, 0x1E, 0x5E, 0x3E, 0x7E,
        0x01, 0x41, 0x21, 0x61, 0x11, 0x51, 0x31, 0x71, 0x09, 0x49, 0x29, 0x69, 0x19, 0x59, 0x39, 0x79,
        0x05, 0x45, 0x25, 0x65, 0x15, 0x55, 0x35, 0x75, 0x0D, 0x4D, 0x2D, 0x6D, 0x1D, 0x5D, 0x3D, 0x7D,
        0x03, 0x43, 0x23, 0x63, 0x13, 0x53, 0x33, 0x73, 0x0B, 0x4B, 0x2B, 0x6B, 0x1B, 0x5B, 0x3B, 0x7B,
        0x07, 0x47, 0x27, 0x67, 0x17, 0x57, 0x37, 0x77, 0x0F, 0x4F, 0x2F, 0x6F, 0x1F, 0x5F, 0x3F, 0x7F,
    ];

    /// <summary>Delimits the record at the start of <paramref name="data"/>; offsets in errors are relative to it.</summary>
    public static DecodeStatus TryWalk(Uap uap, ReadOnlySpan<byte> data, out RecordCore record, out DecodeError error)
    {
        record = default;
        var status = TryReadFspec(uap, data, out var items, out var pos, out error);
        if (status != DecodeStatus.Done)
        {
            return status;
        }

        var remaining = items;
        while (remaining != 0)
        {
            var index = BitOperations.TrailingZeroCount(remaining);
            remaining &= remaining - 1;
            var format = uap.Items[index];
            if (format.Kind == ItemKind.Spare)
            {
                error = new DecodeError(AsterixErrorCode.UndefinedItem, pos, format.Name, -1, index + 1);
                return DecodeStatus.InvalidData;
            }

            if (pos > MaxRecordLength)
            {
                break;
            }

            record.Starts[index] = (ushort)pos;
            status = TryMeasure(format, data, pos, out var length, out error);
            if (status != DecodeStatus.Done)
            {
                return status;
            }

            pos += length;
        }

        if (pos > MaxRecordLength)
        {
            error = new DecodeError(AsterixErrorCode.RecordTooLong, 0, FspecName, MaxRecordLength, pos);
            return DecodeStatus.InvalidData;
        }

        record.Bytes = data[..pos];
        record.Items = items;
        return DecodeStatus.Done;
    }

    /// <summary>Measures one item or subfield at <paramref name="start"/>, checking its bounds.</summary>
    public static DecodeStatus TryMeasure(ItemFormat format, ReadOnlySpan<byte> data, int start, out int length, out DecodeError error)
    {
        var available = data.Length - start;
        switch (format.Kind)
        {
            case ItemKind.Fixed:
                length = format.Size;
                return Need(format, start, length, available, out error);
            case ItemKind.Extended:
                return TryMeasureExtended(format, data, start, out length, out error);
            case ItemKind.Repetitive:
                length = 1;
                if (Need(format, start, 1, available, out error) != DecodeStatus.Done)
                {
                    return DecodeStatus.InvalidData;
                }

                length = checked(1 + (data[start] * format.Size));
                return Need(format, start, length, available, out error);
            case ItemKind.Explicit:
                length = 1;
                if (Need(format, start, 1, available, out error) != DecodeStatus.Done)
                {
                    return DecodeStatus.InvalidData;
                }

                length = data[start];
                if (length == 0)
                {
                    error = new DecodeError(AsterixErrorCode.ExplicitLengthInvalid, start, format.Name, 1, 0);
                    return DecodeStatus.InvalidData;
                }

                return Need(format, start, length, available, out error);
            case ItemKind.Compound:
                return TryMeasureCompound(format, data, start, out length, out error);
            default:
                length = 0;
                error = new DecodeError(AsterixErrorCode.UndefinedItem, start, format.Name);
                return DecodeStatus.InvalidData;
        }
    }

    private static DecodeStatus TryReadFspec(Uap uap, ReadOnlySpan<byte> data, out ulong items, out int pos, out DecodeError error)
    {
        items = 0;
        pos = 0;
        while (true)
        {
            if (pos == data.Length)
            {
                error = new DecodeError(AsterixErrorCode.Truncated, pos, FspecName, pos + 1, data.Length);
                return DecodeStatus.InvalidData;
            }

            if (pos == uap.MaxFspecOctets)
            {
                error = new DecodeError(AsterixErrorCode.FspecTooLong, pos, FspecName, uap.MaxFspecOctets, pos + 1);
                return DecodeStatus.InvalidData;
            }

            var octet = data[pos];
            items |= (ulong)Reverse7[octet >> 1] << (7 * pos);
            pos++;
            if ((octet & 1) == 0)
            {
                break;
            }
        }

        if (items == 0)
        {
            error = new DecodeError(AsterixErrorCode.EmptyRecord, 0, FspecName);
            return DecodeStatus.InvalidData;
        }

        error = default;
        return DecodeStatus.Done;
    }

    private static DecodeStatus TryMeasureExtended(ItemFormat format, ReadOnlySpan<byte> data, int start, out int length, out DecodeError error)
    {
        length = 0;
        for (var parts = 1; ; parts++)
        {
            if (Need(format, start, length + format.Size, data.Length - start, out error) != DecodeStatus.Done)
            {
                return DecodeStatus.InvalidData;
            }

            length += format.Size;
            if ((data[start + length - 1] & 1) == 0)
            {
                return DecodeStatus.Done;
            }

            if (parts == format.MaxParts)
            {
                error = new DecodeError(AsterixErrorCode.ExtensionTooLong, start + length, format.Name, format.MaxParts, parts + 1);
                return DecodeStatus.InvalidData;
            }
        }
    }

    private static DecodeStatus TryMeasureCompound(ItemFormat format, ReadOnlySpan<byte> data, int start, out int length, out DecodeError error)
    {
        var subfields = format.Subfields!;
        length = 0;
        ulong present = 0;
        while (true)
        {
            if (Need(format, start, length + 1, data.Length - start, out error) != DecodeStatus.Done)
            {
                return DecodeStatus.InvalidData;
            }

            if (length == format.MaxParts)
            {
                error = new DecodeError(AsterixErrorCode.CompoundFspecTooLong, start + length, format.Name, format.MaxParts, length + 1);
                return DecodeStatus.InvalidData;
            }

            var octet = data[start + length];
            present |= (ulong)Reverse7[octet >> 1] << (7 * length);
            length++;
            if ((octet & 1) == 0)
            {
                break;
            }
        }

        while (present != 0)
        {
            var index = BitOperations.TrailingZeroCount(present);
            present &= present - 1;
            var subfield = index < subfields.Length ? subfields[index] : null;
            if (subfield is null)
            {
                error = new DecodeError(AsterixErrorCode.UndefinedSubfield, start, format.Name, -1, index + 1);
                return DecodeStatus.InvalidData;
            }

            if (TryMeasure(subfield, data, start + length, out var subLength, out error) != DecodeStatus.Done)
            {
                return DecodeStatus.InvalidData;
            }

            length = checked(length + subLength);
        }

        error = default;
        return DecodeStatus.Done;
    }

    private static DecodeStatus Need(ItemFormat format, int start, int needed, int available, out DecodeError error)
    {
        if (needed > available)
        {
            error = new DecodeError(AsterixErrorCode.Truncated, start, format.Name, needed, available);
            return DecodeStatus.InvalidData;
        }

        error = default;
        return DecodeStatus.Done;
    }

    /// <summary>Presence bits of a compound item's primary subfield (bit i = subfield i + 1) and the primary's length.</summary>
    internal static ulong CompoundPresence(ReadOnlySpan<byte> item, out int primaryLength)
    {
        ulong present = 0;
        primaryLength = 0;
        while (primaryLength < item.Length)
        {
            var octet = item[primaryLength];
            present |= (ulong)Reverse7[octet >> 1] << (7 * primaryLength);
            primaryLength++;
            if ((octet & 1) == 0)
            {
                break;
            }
        }

        return present;
    }
}

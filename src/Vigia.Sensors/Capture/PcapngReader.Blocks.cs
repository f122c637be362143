using System.Buffers.Binary;
using Vigia.Core.Time;

namespace Vigia.Sensors.Capture;

public sealed partial class PcapngReader
{
    private const int SectionHeaderMinimumLength = 28;
    private const int InterfaceDescriptionFixedLength = 8;
    private const int EnhancedPacketFixedLength = 20;
    private const int SimplePacketFixedLength = 4;
    private const ushort OptionEnd = 0;
    private const ushort OptionTimestampResolution = 9;
    private const ushort OptionTimestampOffset = 14;
    private const byte DefaultResolution = 6; // microseconds
    private const int MaximumDecimalExponent = 19;
    private const int MaximumBinaryExponent = 63;

    /// <summary>Reads a Section Header Block whose type (4 bytes at <paramref name="blockOffset"/>) has been read.</summary>
    private bool ReadSectionHeader(long blockOffset)
    {
        var read = Fill(0, 8);
        if (read != 8)
        {
            Fault(read < 0 ? CaptureErrorCode.IoError : CaptureErrorCode.Truncated, blockOffset + 4, "SectionHeader", 8, Math.Max(read, 0));
            return false;
        }

        // The byte-order magic decides how this section's numbers are read, the block length included.
        var head = Buffer(8);
        _bigEndian = false;
        if (U32(head[4..]) != ByteOrderMagic)
        {
            _bigEndian = true;
            if (U32(head[4..]) != ByteOrderMagic)
            {
                Fault(CaptureErrorCode.UnknownFormat, blockOffset + 8, "SectionHeader.ByteOrderMagic", ByteOrderMagic, U32(head[4..]));
                return false;
            }
        }

        var total = U32(head);
        if (!ReadBlockRest(blockOffset, total, alreadyRead: 12, SectionHeaderMinimumLength, out _))
        {
            return false;
        }

        var major = U16(Buffer(2));
        if (major != SupportedMajorVersion)
        {
            Fault(CaptureErrorCode.UnsupportedVersion, blockOffset + 12, "SectionHeader.MajorVersion", SupportedMajorVersion, major);
            return false;
        }

        _interfaces.Clear(); // interface numbering restarts in each section
        return true;
    }

    private BlockOutcome ReadInterfaceDescription(long blockOffset, int bodyLength)
    {
        if (bodyLength < InterfaceDescriptionFixedLength)
        {
            return Fail(CaptureErrorCode.BadLength, blockOffset + 4, "InterfaceDescriptionBlock.TotalLength", InterfaceDescriptionFixedLength + 12, bodyLength + 12);
        }

        if (_interfaces.Count >= MaximumInterfaces)
        {
            return Fail(CaptureErrorCode.TooManyInterfaces, blockOffset, "InterfaceDescriptionBlock", MaximumInterfaces, _interfaces.Count + 1);
        }

        var body = Buffer(bodyLength);
        var linkType = (CaptureLinkType)U16(body);
        var snapLength = U32(body[4..]);
        var resolution = DefaultResolution;
        long offsetSeconds = 0;

        var o = InterfaceDescriptionFixedLength;
        while (o + 4 <= bodyLength)
        {
            var code = U16(body[o..]);
            var length = U16(body[(o + 2)..]);
            if (code == OptionEnd)
            {
                break;
            }

            if (o + 4 + length > bodyLength)
            {
                return Fail(CaptureErrorCode.BadLength, blockOffset + 8 + o + 2, "Option.Length", bodyLength - o - 4, length);
            }

            if (code == OptionTimestampResolution && length >= 1)
            {
                resolution = body[o + 4];
                var binary = (resolution & 0x80) != 0;
                var exponent = resolution & 0x7F;
                if (exponent > (binary ? MaximumBinaryExponent : MaximumDecimalExponent))
                {
                    return Fail(CaptureErrorCode.TimestampOutOfRange, blockOffset + 8 + o + 4, "Option.if_tsresol", -1, resolution);
                }
            }
            else if (code == OptionTimestampOffset && length == 8)
            {
                offsetSeconds = (long)U64(body[(o + 4)..]);
            }

            o += 4 + ((length + 3) & ~3);
        }

        _interfaces.Add(new InterfaceDescription(linkType, snapLength, resolution, offsetSeconds));
        return BlockOutcome.Skipped;
    }

    private BlockOutcome ReadEnhancedPacket(long blockOffset, int bodyLength, out CaptureRecord record)
    {
        record = default;
        if (bodyLength < EnhancedPacketFixedLength)
        {
            return Fail(CaptureErrorCode.BadLength, blockOffset + 4, "EnhancedPacketBlock.TotalLength", EnhancedPacketFixedLength + 12, bodyLength + 12);
        }

        var body = Buffer(bodyLength);
        var interfaceId = U32(body);
        var units = ((ulong)U32(body[4..]) << 32) | U32(body[8..]);
        return MakeRecord(blockOffset, interfaceId, units, hasTimestamp: true, U32(body[12..]), U32(body[16..]), EnhancedPacketFixedLength, bodyLength, out record);
    }

    private BlockOutcome ReadObsoletePacket(long blockOffset, int bodyLength, out CaptureRecord record)
    {
        record = default;
        if (bodyLength < EnhancedPacketFixedLength)
        {
            return Fail(CaptureErrorCode.BadLength, blockOffset + 4, "PacketBlock.TotalLength", EnhancedPacketFixedLength + 12, bodyLength + 12);
        }

        var body = Buffer(bodyLength);
        var units = ((ulong)U32(body[4..]) << 32) | U32(body[8..]);
        return MakeRecord(blockOffset, U16(body), units, hasTimestamp: true, U32(body[12..]), U32(body[16..]), EnhancedPacketFixedLength, bodyLength, out record);
    }

    private BlockOutcome ReadSimplePacket(long blockOffset, int bodyLength, out CaptureRecord record)
    {
        record = default;
        if (bodyLength < SimplePacketFixedLength)
        {
            return Fail(CaptureErrorCode.BadLength, blockOffset + 4, "SimplePacketBlock.TotalLength", SimplePacketFixedLength + 12, bodyLength + 12);
        }

        if (_interfaces.Count == 0)
        {
            return Fail(CaptureErrorCode.UnknownInterface, blockOffset, "SimplePacketBlock", 0, 0);
        }

        // The captured length is implicit: the original length cut by the snap length and the block (draft §4.4).
        var originalLength = U32(Buffer(bodyLength));
        var captured = Math.Min(originalLength, (uint)(bodyLength - SimplePacketFixedLength));
        var snap = _interfaces[0].SnapLength;
        if (snap != 0)
        {
            captured = Math.Min(captured, snap);
        }

        return MakeRecord(blockOffset, 0, 0, hasTimestamp: false, captured, originalLength, SimplePacketFixedLength, bodyLength, out record);
    }

    private BlockOutcome MakeRecord(
        long blockOffset,
        uint interfaceId,
        ulong units,
        bool hasTimestamp,
        uint capturedLength,
        uint originalLength,
        int dataStart,
        int bodyLength,
        out CaptureRecord record)
    {
        record = default;
        if (interfaceId >= (uint)_interfaces.Count)
        {
            return Fail(CaptureErrorCode.UnknownInterface, blockOffset + 8, "PacketBlock.InterfaceId", _interfaces.Count - 1, interfaceId);
        }

        if (capturedLength > (uint)(bodyLength - dataStart))
        {
            return Fail(CaptureErrorCode.BadLength, blockOffset + 8 + dataStart - 8, "PacketBlock.CapturedLength", bodyLength - dataStart, capturedLength);
        }

        var description = _interfaces[(int)interfaceId];
        var timestamp = default(Timestamp);
        if (hasTimestamp && !TryToTimestamp(units, description, out timestamp))
        {
            return Fail(CaptureErrorCode.TimestampOutOfRange, blockOffset + 12, "PacketBlock.Timestamp", -1, (long)(units >> 1));
        }

        var data = Buffer(bodyLength).Slice(dataStart, (int)capturedLength);
        record = new CaptureRecord(timestamp, hasTimestamp, description.LinkType, originalLength, data, (int)interfaceId, blockOffset);
        return BlockOutcome.Record;
    }

    private static bool TryToTimestamp(ulong units, InterfaceDescription description, out Timestamp timestamp)
    {
        const long NanosecondsPerSecond = 1_000_000_000L;
        var exponent = description.Resolution & 0x7F;
        Int128 nanoseconds;
        if ((description.Resolution & 0x80) != 0)
        {
            nanoseconds = ((Int128)units * NanosecondsPerSecond) >> exponent;
        }
        else if (exponent <= 9)
        {
            nanoseconds = (Int128)units * (long)Math.Pow(10, 9 - exponent);
        }
        else
        {
            nanoseconds = (Int128)units / (Int128)Math.Pow(10, exponent - 9);
        }

        nanoseconds += (Int128)description.OffsetSeconds * NanosecondsPerSecond;
        if (nanoseconds > long.MaxValue || nanoseconds < long.MinValue)
        {
            timestamp = default;
            return false;
        }

        timestamp = new Timestamp((long)nanoseconds);
        return true;
    }

    private BlockOutcome Fail(CaptureErrorCode code, long offset, string field, long expected = -1, long actual = -1)
    {
        Fault(code, offset, field, expected, actual);
        return BlockOutcome.Error;
    }

    private ulong U64(ReadOnlySpan<byte> b) =>
        _bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b);
}

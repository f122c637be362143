using System.Buffers.Binary;
using Vigia.Core.Time;

namespace Vigia.Sensors.Capture;

/// <summary>
/// Reader of classic pcap files: either byte order, microsecond or nanosecond timestamps
/// (draft-ietf-opsawg-pcap §4–§5). Created through <see cref="CaptureReader.TryOpen"/>.
/// </summary>
public sealed class PcapReader : CaptureReader
{
    internal const uint MagicMicroseconds = 0xA1B2C3D4;
    internal const uint MagicNanoseconds = 0xA1B23C4D;
    internal const uint MagicMicrosecondsSwapped = 0xD4C3B2A1;
    internal const uint MagicNanosecondsSwapped = 0x4D3CB2A1;

    private const int FileHeaderLength = 24;
    private const int RecordHeaderLength = 16;
    private const ushort SupportedMajorVersion = 2;

    private readonly bool _bigEndian;
    private readonly long _fractionToNanoseconds;
    private readonly int _maximumCapturedLength;
    private readonly CaptureLinkType _linkType;

    internal PcapReader(Stream stream, bool leaveOpen, uint magicAsLittleEndian)
        : base(stream, leaveOpen, consumed: 4)
    {
        // The magic reads as A1B2C3D4 in the writer's byte order; seen swapped, the file is big-endian.
        _bigEndian = magicAsLittleEndian is MagicMicrosecondsSwapped or MagicNanosecondsSwapped;
        _fractionToNanoseconds = magicAsLittleEndian is MagicNanoseconds or MagicNanosecondsSwapped ? 1 : 1000;

        var rest = FileHeaderLength - 4;
        var read = Fill(0, rest);
        if (read != rest)
        {
            Fault(read < 0 ? CaptureErrorCode.IoError : CaptureErrorCode.Truncated, 4 + Math.Max(read, 0), "FileHeader", FileHeaderLength, 4 + Math.Max(read, 0));
            return;
        }

        var header = Buffer(rest);
        var major = U16(header);
        if (major != SupportedMajorVersion)
        {
            Fault(CaptureErrorCode.UnsupportedVersion, 4, "FileHeader.MajorVersion", SupportedMajorVersion, major);
            return;
        }

        var snapLength = U32(header[12..]);
        _maximumCapturedLength = (int)Math.Clamp(snapLength, MaximumPacketLength, PcapngReader.MaximumBlockLength);

        // Bits 0–15 are the link type; the upper bits carry FCS information (draft §5 "LinkType").
        _linkType = (CaptureLinkType)(U32(header[16..]) & 0xFFFF);
        SnapLength = snapLength;
    }

    /// <summary>The file header's snapshot length.</summary>
    public uint SnapLength { get; }

    /// <inheritdoc />
    public override CaptureLinkType? FileLinkType => _linkType;

    /// <inheritdoc />
    private protected override CaptureReadStatus ReadNextCore(out CaptureRecord record)
    {
        record = default;
        var recordOffset = Position;
        var read = Fill(0, RecordHeaderLength);
        if (read == 0)
        {
            return CaptureReadStatus.EndOfFile;
        }

        if (read != RecordHeaderLength)
        {
            return Fault(read < 0 ? CaptureErrorCode.IoError : CaptureErrorCode.Truncated, recordOffset, "RecordHeader", RecordHeaderLength, Math.Max(read, 0));
        }

        var header = Buffer(RecordHeaderLength);
        var seconds = U32(header);
        var fraction = U32(header[4..]);
        var capturedLength = U32(header[8..]);
        var originalLength = U32(header[12..]);
        if (capturedLength > (uint)_maximumCapturedLength)
        {
            return Fault(CaptureErrorCode.LengthExceedsMaximum, recordOffset + 8, "RecordHeader.CapturedLength", _maximumCapturedLength, capturedLength);
        }

        var length = (int)capturedLength;
        read = Fill(0, length);
        if (read != length)
        {
            return Fault(read < 0 ? CaptureErrorCode.IoError : CaptureErrorCode.Truncated, recordOffset + RecordHeaderLength, "PacketData", length, Math.Max(read, 0));
        }

        var timestamp = new Timestamp(checked((seconds * 1_000_000_000L) + (fraction * _fractionToNanoseconds)));
        record = new CaptureRecord(timestamp, hasTimestamp: true, _linkType, originalLength, Buffer(length), 0, recordOffset);
        return CaptureReadStatus.Record;
    }

    private ushort U16(ReadOnlySpan<byte> b) =>
        _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);

    private uint U32(ReadOnlySpan<byte> b) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);
}

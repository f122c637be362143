using System.Buffers.Binary;

namespace Vigia.Sensors.Capture;

/// <summary>
/// Reader of pcapng files (draft-ietf-opsawg-pcapng): Section Header Blocks in either byte order,
/// Interface Description Blocks with <c>if_tsresol</c> and <c>if_tsoffset</c>, Enhanced, Simple and
/// (obsolete) Packet Blocks; other blocks are skipped by their length. Created through
/// <see cref="CaptureReader.TryOpen"/>.
/// </summary>
public sealed partial class PcapngReader : CaptureReader
{
    /// <summary>The largest block accepted (libpcap's cap on a pcapng block, 16 MiB).</summary>
    public const int MaximumBlockLength = 16 * 1024 * 1024;

    /// <summary>The most interfaces kept per section.</summary>
    public const int MaximumInterfaces = 1024;

    internal const uint BlockTypeSectionHeader = 0x0A0D0D0A;
    private const uint BlockTypeInterfaceDescription = 0x00000001;
    private const uint BlockTypePacketObsolete = 0x00000002;
    private const uint BlockTypeSimplePacket = 0x00000003;
    private const uint BlockTypeEnhancedPacket = 0x00000006;
    private const uint ByteOrderMagic = 0x1A2B3C4D;
    private const ushort SupportedMajorVersion = 1;
    private const int MinimumBlockLength = 12;

    private readonly List<InterfaceDescription> _interfaces = [];
    private bool _bigEndian;
    private bool _ended;

    internal PcapngReader(Stream stream, bool leaveOpen)
        : base(stream, leaveOpen, consumed: 4)
    {
        _ = ReadSectionHeader(0);
    }

    /// <inheritdoc />
    public override CaptureLinkType? FileLinkType => _interfaces.Count > 0 ? _interfaces[0].LinkType : null;

    /// <inheritdoc />
    private protected override CaptureReadStatus ReadNextCore(out CaptureRecord record)
    {
        record = default;
        while (!_ended)
        {
            var blockOffset = Position;
            var read = Fill(0, 4);
            if (read == 0)
            {
                _ended = true;
                break;
            }

            if (read != 4)
            {
                return Fault(read < 0 ? CaptureErrorCode.IoError : CaptureErrorCode.Truncated, blockOffset, "Block.Type", 4, Math.Max(read, 0));
            }

            var type = U32(Buffer(4));
            if (type == BlockTypeSectionHeader)
            {
                if (!ReadSectionHeader(blockOffset))
                {
                    return CaptureReadStatus.Error;
                }

                continue;
            }

            if (!ReadBlockBody(blockOffset, out var body))
            {
                return CaptureReadStatus.Error;
            }

            var outcome = type switch
            {
                BlockTypeInterfaceDescription => ReadInterfaceDescription(blockOffset, body),
                BlockTypeEnhancedPacket => ReadEnhancedPacket(blockOffset, body, out record),
                BlockTypeSimplePacket => ReadSimplePacket(blockOffset, body, out record),
                BlockTypePacketObsolete => ReadObsoletePacket(blockOffset, body, out record),
                _ => BlockOutcome.Skipped, // unknown block: skipped by its length
            };

            if (outcome != BlockOutcome.Skipped)
            {
                return outcome == BlockOutcome.Record ? CaptureReadStatus.Record : CaptureReadStatus.Error;
            }
        }

        return CaptureReadStatus.EndOfFile;
    }

    /// <summary>
    /// Reads the total length, the body and the trailing length of a block whose type (4 bytes at
    /// <paramref name="blockOffset"/>) has been read. The body is left at the start of the buffer.
    /// </summary>
    private bool ReadBlockBody(long blockOffset, out int bodyLength)
    {
        bodyLength = 0;
        var read = Fill(0, 4);
        if (read != 4)
        {
            Fault(read < 0 ? CaptureErrorCode.IoError : CaptureErrorCode.Truncated, blockOffset + 4, "Block.TotalLength", 4, Math.Max(read, 0));
            return false;
        }

        var total = U32(Buffer(4));
        return ReadBlockRest(blockOffset, total, alreadyRead: 8, MinimumBlockLength, out bodyLength);
    }

    /// <summary>Checks a block's total length, then reads the rest of it (body and trailer) into the buffer.</summary>
    private bool ReadBlockRest(long blockOffset, uint total, int alreadyRead, int minimum, out int bodyLength)
    {
        bodyLength = 0;
        if (total > MaximumBlockLength)
        {
            Fault(CaptureErrorCode.LengthExceedsMaximum, blockOffset + 4, "Block.TotalLength", MaximumBlockLength, total);
            return false;
        }

        if (total < minimum || total % 4 != 0)
        {
            Fault(CaptureErrorCode.BadLength, blockOffset + 4, "Block.TotalLength", minimum, total);
            return false;
        }

        var rest = (int)total - alreadyRead;
        var read = Fill(0, rest);
        if (read != rest)
        {
            Fault(read < 0 ? CaptureErrorCode.IoError : CaptureErrorCode.Truncated, blockOffset + alreadyRead + Math.Max(read, 0), "Block.Body", rest, Math.Max(read, 0));
            return false;
        }

        bodyLength = rest - 4;
        var trailer = U32(Buffer(rest)[bodyLength..]);
        if (trailer != total)
        {
            Fault(CaptureErrorCode.LengthMismatch, blockOffset + total - 4, "Block.TrailingTotalLength", total, trailer);
            return false;
        }

        return true;
    }

    private ushort U16(ReadOnlySpan<byte> b) =>
        _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);

    private uint U32(ReadOnlySpan<byte> b) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);

    private enum BlockOutcome
    {
        Skipped,
        Record,
        Error,
    }

    /// <summary>What an Interface Description Block says, reduced to what records need.</summary>
    private readonly record struct InterfaceDescription(CaptureLinkType LinkType, uint SnapLength, byte Resolution, long OffsetSeconds);
}

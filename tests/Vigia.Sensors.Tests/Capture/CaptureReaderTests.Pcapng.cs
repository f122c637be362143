using System.Buffers.Binary;
using Vigia.Sensors.Capture;

namespace Vigia.Sensors.Tests.Capture;

/// <summary>Hand-built pcapng sections: both byte orders, if_tsresol, Simple Packet Blocks, unknown blocks.</summary>
public sealed partial class CaptureReaderTests
{
    private sealed class PcapngBuilder(bool bigEndian)
    {
        private readonly List<byte> _out = [];

        public PcapngBuilder Block(uint type, byte[] body)
        {
            var padded = (body.Length + 3) & ~3;
            var total = 12 + padded;
            Write32(type);
            Write32((uint)total);
            _out.AddRange(body);
            _out.AddRange(new byte[padded - body.Length]);
            Write32((uint)total);
            return this;
        }

        public PcapngBuilder Section() => Block(0x0A0D0D0A, [.. U32(0x1A2B3C4D), .. U16(1), .. U16(0), .. U64(ulong.MaxValue)]);

        public PcapngBuilder Interface(ushort linkType, byte? tsresol) => Block(1, [
            .. U16(linkType), .. U16(0), .. U32(0),
            .. (tsresol is { } r ? (byte[])[.. U16(9), .. U16(1), r, 0, 0, 0] : []),
            .. U16(0), .. U16(0)]);

        public PcapngBuilder Enhanced(uint interfaceId, ulong units, byte[] data) => Block(6, [
            .. U32(interfaceId), .. U32((uint)(units >> 32)), .. U32(unchecked((uint)units)), .. U32((uint)data.Length), .. U32((uint)data.Length + 10), .. data]);

        public byte[] ToArray() => _out.ToArray();

        private void Write32(uint v) => _out.AddRange(U32(v));

        private byte[] U16(ushort v)
        {
            var b = new byte[2];
            if (bigEndian) { BinaryPrimitives.WriteUInt16BigEndian(b, v); } else { BinaryPrimitives.WriteUInt16LittleEndian(b, v); }
            return b;
        }

        private byte[] U32(uint v)
        {
            var b = new byte[4];
            if (bigEndian) { BinaryPrimitives.WriteUInt32BigEndian(b, v); } else { BinaryPrimitives.WriteUInt32LittleEndian(b, v); }
            return b;
        }

        private byte[] U64(ulong v)
        {
            var b = new byte[8];
            if (bigEndian) { BinaryPrimitives.WriteUInt64BigEndian(b, v); } else { BinaryPrimitives.WriteUInt64LittleEndian(b, v); }
            return b;
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void APcapngSectionInEitherByteOrder_ReadsEnhancedPacketsWithTheirInterfacesResolution(bool bigEndian)
    {
        var bytes = new PcapngBuilder(bigEndian)
            .Section()
            .Interface(127, tsresol: 9)
            .Block(0x0BAD, [1, 2, 3, 4, 5]) // unknown block: skipped by its length
            .Interface(105, tsresol: 0x80 | 10) // 2^-10 s
            .Enhanced(0, 1_620_000_000_123_456_789UL, [0xAA, 0xBB, 0xCC])
            .Enhanced(1, 1024UL * 5 + 512, [0x01])
            .ToArray();

        var (records, status, _) = ReadAll(bytes);

        Assert.Equal(CaptureReadStatus.EndOfFile, status);
        Assert.Equal(2, records.Count);
        Assert.Equal((1_620_000_000_123_456_789L, CaptureLinkType.Ieee80211Radiotap, 13L), (records[0].Time, records[0].Link, records[0].Original));
        Assert.Equal([0xAA, 0xBB, 0xCC], records[0].Data);
        Assert.Equal((5_500_000_000L, CaptureLinkType.Ieee80211), (records[1].Time, records[1].Link));
    }

    [Fact]
    public void ASimplePacketBlock_GivesARecordWithoutTimestampOnInterface0()
    {
        var bytes = new PcapngBuilder(false).Section().Interface(105, null).Block(3, [5, 0, 0, 0, 9, 8, 7, 6, 5]).ToArray();

        using var reader = Open(bytes);
        Assert.Equal(CaptureReadStatus.Record, reader.ReadNext(out var record));
        Assert.False(record.HasTimestamp);
        Assert.Equal(5, record.OriginalLength);
        Assert.Equal([9, 8, 7, 6, 5], record.Data.ToArray());
        Assert.Equal(CaptureReadStatus.EndOfFile, reader.ReadNext(out _));
    }

    [Fact]
    public void AnEnhancedPacketWhoseCapturedLengthRunsPastItsBlock_IsABadLength()
    {
        var bytes = new PcapngBuilder(false).Section().Interface(105, null).Enhanced(0, 0, [1, 2, 3, 4]).ToArray();
        var epb = bytes.Length - 36; // 12 framing + 20 fixed + 4 data
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(epb + 20), 200);

        var (_, status, error) = ReadAll(bytes);

        Assert.Equal(CaptureReadStatus.Error, status);
        Assert.Equal((CaptureErrorCode.BadLength, (long)epb + 20), (error.Code, error.Offset));
    }

    [Fact]
    public void ABlockLengthOverTheMaximum_IsRefusedBeforeAnyAllocation()
    {
        var bytes = new PcapngBuilder(false).Section().Interface(105, null).ToArray();
        byte[] huge = [.. bytes, 6, 0, 0, 0, 0xF0, 0xFF, 0xFF, 0x7F];

        var (_, status, error) = ReadAll(huge);

        Assert.Equal(CaptureReadStatus.Error, status);
        Assert.Equal((CaptureErrorCode.LengthExceedsMaximum, (long)bytes.Length + 4), (error.Code, error.Offset));
    }
}

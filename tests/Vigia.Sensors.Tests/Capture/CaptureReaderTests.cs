using System.Buffers.Binary;
using Vigia.Sensors.Capture;
using Vigia.Testing;

namespace Vigia.Sensors.Tests.Capture;

/// <summary>pcap and pcapng framing: byte orders, resolutions, block kinds, and clear errors on bad files.</summary>
public sealed partial class CaptureReaderTests
{
    private static byte[] Shared(string file) => File.ReadAllBytes(TestPaths.SharedData("remoteid", file));

    private static CaptureReader Open(byte[] bytes)
    {
        var reader = CaptureReader.TryOpen(new MemoryStream(bytes), leaveOpen: false, out var error);
        Assert.True(reader is not null, error.Message);
        return reader;
    }

    /// <summary>Reads to the end; returns (timestamp ns, link type, original length, data) per record and the final status.</summary>
    private static (List<(long Time, CaptureLinkType Link, long Original, byte[] Data)> Records, CaptureReadStatus Status, CaptureError Error) ReadAll(byte[] bytes)
    {
        var records = new List<(long, CaptureLinkType, long, byte[])>();
        var reader = CaptureReader.TryOpen(new MemoryStream(bytes), leaveOpen: false, out var openError);
        if (reader is null)
        {
            return (records, CaptureReadStatus.Error, openError);
        }

        using (reader)
        {
            CaptureReadStatus status;
            while ((status = reader.ReadNext(out var r)) == CaptureReadStatus.Record)
            {
                records.Add((r.Timestamp.UnixNanoseconds, r.LinkType, r.OriginalLength, r.Data.ToArray()));
            }

            Assert.Equal(status, reader.ReadNext(out _)); // latched
            return (records, status, reader.Error);
        }
    }

    /// <summary>Rewrites a little-endian microsecond pcap as big-endian (and optionally nanosecond).</summary>
    private static byte[] ToBigEndianPcap(byte[] le, bool nanoseconds)
    {
        var be = (byte[])le.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(be, nanoseconds ? 0xA1B23C4Du : 0xA1B2C3D4u);
        Swap16(be, 4);
        Swap16(be, 6);
        for (var o = 8; o < 24; o += 4)
        {
            Swap32(be, o);
        }

        for (var o = 24; o < be.Length;)
        {
            var length = BinaryPrimitives.ReadUInt32LittleEndian(le.AsSpan(o + 8));
            if (nanoseconds)
            {
                var micro = BinaryPrimitives.ReadUInt32LittleEndian(le.AsSpan(o + 4));
                BinaryPrimitives.WriteUInt32LittleEndian(be.AsSpan(o + 4), micro * 1000);
            }

            for (var f = 0; f < 16; f += 4)
            {
                Swap32(be, o + f);
            }

            o += 16 + (int)length;
        }

        return be;
    }

    private static void Swap16(byte[] b, int o) => (b[o], b[o + 1]) = (b[o + 1], b[o]);

    private static void Swap32(byte[] b, int o) => b.AsSpan(o, 4).Reverse();

    [Fact]
    public void ABigEndianPcap_ReadsTheSameRecordsAsItsLittleEndianOriginal()
    {
        var le = Shared("odid_wifi_sample.pcap");
        var expected = ReadAll(le);
        var actual = ReadAll(ToBigEndianPcap(le, nanoseconds: false));

        Assert.Equal(CaptureReadStatus.EndOfFile, actual.Status);
        Assert.Equal(63, actual.Records.Count);
        Assert.Equal(expected.Records.Select(r => (r.Time, r.Link, r.Original, Convert.ToHexString(r.Data))), actual.Records.Select(r => (r.Time, r.Link, r.Original, Convert.ToHexString(r.Data))));
    }

    [Fact]
    public void ANanosecondPcap_GivesTheSameInstantsAsTheMicrosecondOriginal()
    {
        var le = Shared("odid_wifi_sample.pcap");
        var expected = ReadAll(le);
        var actual = ReadAll(ToBigEndianPcap(le, nanoseconds: true));

        Assert.Equal(expected.Records.Select(r => r.Time), actual.Records.Select(r => r.Time));
        Assert.Equal(1620849805_193865_000L, actual.Records[1].Time); // frame 2 of the reference: 1620849805.1938651
    }

    [Fact]
    public void ThePcapngSample_GivesMicrosecondTimestampsFromItsInterfaceResolution()
    {
        var records = ReadAll(Shared("odid_bt5_lr_sample.pcapng")).Records;

        Assert.Equal(274, records.Count);
        Assert.All(records, r => Assert.Equal(0, r.Time % 1000));
        Assert.All(records, r => Assert.Equal(r.Original, r.Data.Length));
        Assert.True(records.Zip(records.Skip(1)).All(p => p.First.Time <= p.Second.Time));
    }

    [Fact]
    public void AnEmptyStream_IsTruncatedAtByte0_AndUnknownMagic_IsUnknownFormat()
    {
        Assert.Null(CaptureReader.TryOpen(new MemoryStream([]), leaveOpen: false, out var empty));
        Assert.Equal((CaptureErrorCode.Truncated, 0L), (empty.Code, empty.Offset));

        Assert.Null(CaptureReader.TryOpen(new MemoryStream("GIF89a"u8.ToArray()), leaveOpen: false, out var gif));
        Assert.Equal(CaptureErrorCode.UnknownFormat, gif.Code);
    }

    [Fact]
    public void APcapRecordClaimingMoreThanTheMaximumLength_StopsWithLengthExceedsMaximumAtItsLengthField_AfterTheRecordsBefore()
    {
        var bytes = Shared("odid_wifi_sample.pcap");
        var first = 24 + 16 + (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24 + 8));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(first + 8), 0x7FFF_FFFF);

        var (records, status, error) = ReadAll(bytes);

        Assert.Single(records);
        Assert.Equal(CaptureReadStatus.Error, status);
        Assert.Equal((CaptureErrorCode.LengthExceedsMaximum, (long)first + 8), (error.Code, error.Offset));
    }

    [Fact]
    public void APcapngBlockWhoseTrailingLengthDiffers_StopsWithLengthMismatch()
    {
        var bytes = Shared("odid_bt5_lr_sample.pcapng");
        var shb = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        var idb = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(shb + 4));
        var epb = shb + idb;
        var epbLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(epb + 4));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(epb + epbLength - 4), 12345);

        var (records, status, error) = ReadAll(bytes);

        Assert.Empty(records);
        Assert.Equal(CaptureReadStatus.Error, status);
        Assert.Equal((CaptureErrorCode.LengthMismatch, (long)epb + epbLength - 4), (error.Code, error.Offset));
    }

    [Fact]
    public void APcapngPacketForAnUndeclaredInterface_StopsWithUnknownInterface()
    {
        var bytes = Shared("odid_bt5_lr_sample.pcapng");
        var shb = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        var idb = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(shb + 4));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(shb + idb + 8), 3);

        var (_, status, error) = ReadAll(bytes);

        Assert.Equal(CaptureReadStatus.Error, status);
        Assert.Equal((CaptureErrorCode.UnknownInterface, (long)shb + idb + 8), (error.Code, error.Offset));
    }
}

using Vigia.Protocols.Asterix.Framing;
using Vigia.Protocols.Asterix.Tests.Support;
using static Vigia.Protocols.Asterix.Tests.Support.RecordBuilder;

namespace Vigia.Protocols.Asterix.Tests;

/// <summary>Data block framing (ASTERIX Part 1 §4.2) for streams and datagrams.</summary>
public sealed class FramingTests
{
    [Fact]
    public void TryReadBlock_OnAStream_NeedsMoreDataUntilLenOctetsAreThere()
    {
        var raw = RadarData.Raw("cat062cat065.raw");
        Assert.Equal(DecodeStatus.NeedMoreData, AsterixFraming.TryReadBlock(raw.AsSpan(0, 2), out _, out var short2));
        Assert.Equal(new DecodeError(AsterixErrorCode.BlockTruncated, 0, "LEN", 3, 2), short2);
        Assert.Equal(DecodeStatus.NeedMoreData, AsterixFraming.TryReadBlock(raw.AsSpan(0, 182), out _, out var short182));
        Assert.Equal(new DecodeError(AsterixErrorCode.BlockTruncated, 1, "LEN", 183, 182), short182);

        Assert.Equal(DecodeStatus.Done, AsterixFraming.TryReadBlock(raw, out var first, out _));
        Assert.Equal((AsterixCategories.Cat062, 183, 180), (first.Category, first.Length, first.Records.Length));
        Assert.Equal(DecodeStatus.Done, AsterixFraming.TryReadBlock(raw.AsSpan(first.Length), out var second, out _));
        Assert.Equal((AsterixCategories.Cat065, 12), (second.Category, second.Length));
        Assert.Equal(raw.Length, first.Length + second.Length);
    }

    [Fact]
    public void Decode_SeveralBlocksAndRecordsInOneDatagram_DeliversThemInOrderWithTheirOffsets()
    {
        var cat065 = Record((1, [25, 100]), (2, [2]), (4, [0, 0, 1]));
        var datagram = (byte[])[.. RadarData.Raw("cat048.raw"), .. Block(65, cat065, cat065, cat065), .. RadarData.Raw("cat034.raw")];

        var collector = new RecordCollector();
        var summary = AsterixDecoder.Decode(datagram, ref collector);

        Assert.Equal(new AsterixDecodeSummary(3, 5, 0, 0), summary);
        Assert.Equal([48, 65, 65, 65, 34], collector.Records.Select(r => (int)r.Category));
        Assert.Equal([3, 51, 51 + cat065.Length, 51 + (2 * cat065.Length), 48 + 3 + (3 * cat065.Length) + 3], collector.Records.Select(r => r.Offset));
    }

    [Fact]
    public void Decode_EmptyDatagram_FindsNothing()
    {
        var collector = new RecordCollector();
        Assert.Equal(default, AsterixDecoder.Decode([], ref collector));
        Assert.Empty(collector.Errors);
    }
}

using Vigia.Protocols.Asterix.Cat062;
using Vigia.Protocols.Asterix.Framing;
using Vigia.Protocols.Asterix.Tests.Support;

namespace Vigia.Protocols.Asterix.Tests;

/// <summary>
/// asterix.pcap carries CAT-062 in the old edition 0.17 (SOURCES.md). The reference decodes its 100 records with the
/// 0.17 definitions; this decoder must never deliver a value that differs from them: it refuses every record, as
/// Unsupported when the source is configured as 0.17, and as malformed when 1.x is (wrongly) assumed.
/// </summary>
public sealed class Cat062Edition017Tests
{
    private static readonly IReadOnlyList<ReferenceRecord> Expected = ReferenceRecord.Load("asterix.pcap.asterix-cat062ed0.17.jsonl");

    [Fact]
    public void Capture_HoldsOneBlockPerDatagram_WhoseRecordIsTheReferenceRecord()
    {
        var datagrams = RadarData.Pcap("asterix.pcap");
        Assert.Equal(100, datagrams.Count);
        Assert.Equal(100, Expected.Count);
        for (var i = 0; i < datagrams.Count; i++)
        {
            Assert.Equal(DecodeStatus.Done, AsterixFraming.TryReadBlock(datagrams[i].Payload, out var block, out _));
            Assert.Equal(AsterixCategories.Cat062, block.Category);
            Assert.Equal(datagrams[i].Payload.Length, block.Length);
            Assert.Equal(Convert.ToHexString(Expected[i].Bytes), Convert.ToHexString(block.Records));
        }
    }

    [Fact]
    public void Edition017Configured_EveryBlockIsUnsupported_AndNoRecordIsDelivered()
    {
        var options = new AsterixDecoderOptions { Cat062Edition = Cat062Edition.Edition0Dot17 };
        foreach (var datagram in RadarData.Pcap("asterix.pcap"))
        {
            var collector = new RecordCollector();
            var summary = AsterixDecoder.Decode(datagram.Payload, ref collector, options);
            Assert.Equal(new AsterixDecodeSummary(1, 0, 0, 1), summary);
            Assert.Empty(collector.Records);
            var (status, error, category) = Assert.Single(collector.Errors);
            Assert.Equal((DecodeStatus.Unsupported, AsterixErrorCode.UnsupportedEdition, 62, 0), (status, error.Code, category, error.Offset));
        }

        Assert.Equal(DecodeStatus.Unsupported, Cat062Decoder.TryDecode(Expected[0].Bytes, Cat062Edition.Edition0Dot17, out _, out _));
    }

    [Fact]
    public void Edition1WronglyAssumed_EveryRecordIsRefusedWithItsItem_NeverDecodedToOtherValues()
    {
        var codes = new Dictionary<AsterixErrorCode, int>();
        foreach (var datagram in RadarData.Pcap("asterix.pcap"))
        {
            var collector = RecordCollector.Decode(datagram.Payload);

            // A delivered record would carry 1.x readings of 0.17 octets: in the first record, 1.x's I062/105 (8 octets
            // at 180°/2²⁵) would span 0.17's I040 and most of its I105 (6 octets at 180°/2²³: 44.2689°, 18.2299°).
            Assert.Empty(collector.Records);
            var (status, error, _) = Assert.Single(collector.Errors);
            Assert.Equal(DecodeStatus.InvalidData, status);
            Assert.StartsWith("I062/", error.Item, StringComparison.Ordinal);
            Assert.InRange(error.Offset, 3, datagram.Payload.Length);
            codes[error.Code] = codes.GetValueOrDefault(error.Code) + 1;
        }

        // The 1.x time of track of these records reads 24 h or more (0.17 has I070 at FRN 3, where 1.x has I015),
        // or the walk runs into an impossible I062/390 or I062/295 layout.
        Assert.Equal(100, codes.Values.Sum());
        Assert.Equal(48, codes[AsterixErrorCode.ValueOutOfRange]);
        Assert.Equal(12, codes[AsterixErrorCode.CompoundFspecTooLong]);
        Assert.Equal(40, codes[AsterixErrorCode.Truncated]);
    }
}

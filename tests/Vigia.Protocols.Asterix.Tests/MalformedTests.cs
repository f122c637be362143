using Vigia.Protocols.Asterix.Tests.Support;

namespace Vigia.Protocols.Asterix.Tests;

/// <summary>
/// Malformed corpus (house style §8): truncated and mutated blocks yield one specific error each (code, byte offset in
/// the datagram, item name), never an exception, and never a record.
/// </summary>
public sealed partial class MalformedTests
{
    /// <summary>cat048.raw's record: where each item starts in the datagram (3-octet block header first), and its name.</summary>
    public static TheoryData<int, AsterixErrorCode, int, string> TruncatedCat048 { get; } = BuildTruncations();

    [Theory]
    [MemberData(nameof(TruncatedCat048))]
    public void Cat048Record_CutShortWithAConsistentBlockLength_ReportsTheItemItEndsIn(int length, AsterixErrorCode code, int offset, string item)
    {
        var datagram = RadarData.Raw("cat048.raw")[..length];
        datagram[1] = 0;
        datagram[2] = (byte)length;

        var collector = new RecordCollector();
        var summary = AsterixDecoder.Decode(datagram, ref collector);

        Assert.Empty(collector.Records);
        var (status, error, category) = Assert.Single(collector.Errors);
        Assert.Equal((DecodeStatus.InvalidData, code, offset, item, (byte)48), (status, error.Code, error.Offset, error.Item, category));
        Assert.Equal(new AsterixDecodeSummary(1, 0, 1, 0), summary);
    }

    [Fact]
    public void Datagram_CutInsideTheBlock_ReportsBlockTruncatedAtLen()
    {
        var raw = RadarData.Raw("cat048.raw");
        for (var length = 1; length < raw.Length; length++)
        {
            var collector = RecordCollector.Decode(raw.AsSpan(0, length));
            Assert.Empty(collector.Records);
            var (status, error, _) = Assert.Single(collector.Errors);
            Assert.Equal((DecodeStatus.InvalidData, AsterixErrorCode.BlockTruncated, "LEN"), (status, error.Code, error.Item));
            Assert.Equal(length < 3 ? 0 : 1, error.Offset);
        }
    }

    private static TheoryData<int, AsterixErrorCode, int, string> BuildTruncations()
    {
        // FSPEC FD F7 02 at 3–5, then I010 6, I140 8, I020 11, I040 12, I070 16, I090 18, I220 20, I240 23,
        // I250 29 (REP 1 + 8), I161 38, I200 40, I170 44 (2 octets), I230 46; the record ends at 48.
        (int Start, string Item)[] items =
        [
            (6, "I048/010"), (8, "I048/140"), (11, "I048/020"), (12, "I048/040"), (16, "I048/070"), (18, "I048/090"),
            (20, "I048/220"), (23, "I048/240"), (29, "I048/250"), (38, "I048/161"), (40, "I048/200"), (44, "I048/170"),
            (46, "I048/230"),
        ];
        var data = new TheoryData<int, AsterixErrorCode, int, string>();
        for (var length = 4; length < 48; length++)
        {
            if (length < 6)
            {
                data.Add(length, AsterixErrorCode.Truncated, length, "FSPEC");
                continue;
            }

            var item = items.Last(i => i.Start <= length);
            data.Add(length, AsterixErrorCode.Truncated, item.Start, item.Item);
        }

        return data;
    }
}

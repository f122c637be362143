using Vigia.Protocols.Asterix.Tests.Support;
using static Vigia.Protocols.Asterix.Tests.Support.RecordBuilder;

namespace Vigia.Protocols.Asterix.Tests;

/// <summary>Hand-made violations of one rule each; offsets count from the datagram's first octet.</summary>
public sealed partial class MalformedTests
{
    public static TheoryData<string, string, AsterixErrorCode, int, string, int, int> Mutations { get; } = new()
    {
        // CAT-048 UAP has 28 FRNs: four FSPEC octets at most; the fifth is refused where it starts.
        { "FSPEC beyond the UAP", "30 0009 FF FF FF FF 00 00", AsterixErrorCode.FspecTooLong, 7, "FSPEC", 4, 5 },
        { "FSPEC without items", "30 0005 00 00", AsterixErrorCode.EmptyRecord, 3, "FSPEC", -1, -1 },
        { "spare FRN 2 of CAT-062", "3E 0006 40 00 00", AsterixErrorCode.UndefinedItem, 4, "I062 FRN 2 (spare)", -1, 2 },
        { "spare FRN 29 of CAT-062", "3E 0009 01 01 01 01 80 00", AsterixErrorCode.UndefinedItem, 8, "I062 FRN 29 (spare)", -1, 29 },
        { "I048/020 with a fourth part", "30 0008 20 01 01 01 00", AsterixErrorCode.ExtensionTooLong, 7, "I048/020", 3, 4 },
        { "I048/130 primary subfield with FX", "30 0007 02 03 00 00", AsterixErrorCode.CompoundFspecTooLong, 5, "I048/130", 1, 2 },
        { "I034/050 unused subfield 2", "22 0007 04 40 00 00", AsterixErrorCode.UndefinedSubfield, 4, "I034/050", -1, 2 },
        { "I065/RE of length 0", "41 0006 01 04 00", AsterixErrorCode.ExplicitLengthInvalid, 5, "I065/RE", 1, 0 },
        { "I065/RE longer than the block", "41 0007 01 04 09 00", AsterixErrorCode.Truncated, 5, "I065/RE", 9, 2 },
        { "I048/250 repetitions past the end", "30 000E 01 20 03 00 00 00 00 00 00 00 00", AsterixErrorCode.Truncated, 5, "I048/250", 25, 9 },
        { "I062/380 subfield cut", "3E 0008 01 10 80 00 00", AsterixErrorCode.Truncated, 6, "I062/380/ADR", 3, 2 },
        { "I048/140 of 24 h", "30 0007 40 A8 C0 00", AsterixErrorCode.ValueOutOfRange, 4, "I048/140", 11059199, 11059200 },
        { "I021/073 past midnight", "15 0008 01 08 FF FF FF", AsterixErrorCode.ValueOutOfRange, 5, "I021/073", 11059199, 16777215 },
        { "block LEN below four", "30 0003 30 0004 80", AsterixErrorCode.BlockLengthInvalid, 1, "LEN", 4, 3 },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Mutation_IsRefusedWithItsSpecificError(string what, string hex, AsterixErrorCode code, int offset, string item, int expected, int actual)
    {
        var collector = RecordCollector.Decode(Hex(hex));

        Assert.Empty(collector.Records);
        var (status, error, _) = Assert.Single(collector.Errors);
        Assert.True(status == DecodeStatus.InvalidData, what);
        Assert.Equal(new DecodeError(code, offset, item, expected, actual), error);
        Assert.Contains(item, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCategory_IsUnsupported_AndSkippedByItsLength()
    {
        var datagram = (byte[])[.. Hex("01 0006 80 19 0C"), .. RadarData.Raw("cat048.raw")];

        var collector = new RecordCollector();
        var summary = AsterixDecoder.Decode(datagram, ref collector);

        var (status, error, category) = Assert.Single(collector.Errors);
        Assert.Equal((DecodeStatus.Unsupported, AsterixErrorCode.UnsupportedCategory, 0, (byte)1), (status, error.Code, error.Offset, category));
        var record = Assert.Single(collector.Records);
        Assert.Equal((48, 9), (record.Category, record.Offset));
        Assert.Equal(new AsterixDecodeSummary(2, 1, 0, 1), summary);
    }

    [Fact]
    public void MalformedRecord_EndsItsBlockOnly_TheNextBlockIsDecoded()
    {
        var good = RadarData.Raw("cat048.raw");
        var bad = Block(48, Record((1, [0x19, 0xC9])), Hex("20 01 01 01 00"), Record((1, [0x19, 0xCA])));
        var collector = RecordCollector.Decode((byte[])[.. bad, .. good]);

        Assert.Equal(2, collector.Records.Count);
        Assert.Equal([3, bad.Length + 3], collector.Records.Select(r => r.Offset));
        var (_, error, _) = Assert.Single(collector.Errors);
        Assert.Equal((AsterixErrorCode.ExtensionTooLong, 6 + 1 + 3), (error.Code, error.Offset));
    }

    [Fact]
    public void ReservedAndSpecialPurposeFields_AreSkippedByTheirDeclaredLength()
    {
        byte[] re = [0x05, 0xDE, 0xAD, 0xBE, 0xEF];
        byte[] sp = [0x03, 0x01, 0x02];
        var first = Record((1, [25, 13]), (27, sp), (28, re));
        var second = Record((1, [25, 14]));
        var collector = RecordCollector.Decode(Block(48, first, second));

        Assert.Empty(collector.Errors);
        Assert.Equal(2, collector.Records.Count);
        var decoded = Cat048.Cat048Decoder.Decode(collector.Records[0].Bytes);
        Assert.Equal(re[1..], decoded.ReservedExpansion.ToArray());
        Assert.Equal(sp[1..], decoded.SpecialPurpose.ToArray());
        Assert.Equal((byte)14, Cat048.Cat048Decoder.Decode(collector.Records[1].Bytes).DataSource!.Value.Sic);
    }

    [Fact]
    public void ThrowingConvenienceDecode_CarriesTheError()
    {
        var exception = Assert.Throws<ProtocolDecodeException>(() => Cat048.Cat048Decoder.Decode(Hex("20 01 01 01 00")));
        Assert.Equal(DecodeStatus.InvalidData, exception.Status);
        Assert.Equal(AsterixErrorCode.ExtensionTooLong, exception.Error.Code);
        Assert.Equal("I048/020", exception.Error.Item);
    }
}

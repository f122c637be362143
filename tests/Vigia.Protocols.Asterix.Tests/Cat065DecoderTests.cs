using Vigia.Protocols.Asterix.Cat065;
using Vigia.Protocols.Asterix.Tests.Support;

namespace Vigia.Protocols.Asterix.Tests;

/// <summary>CAT-065 against the reference tool's output (the SDPS status record after the CAT-062 tracks).</summary>
public sealed class Cat065DecoderTests
{
    [Theory]
    [InlineData("cat062cat065.raw", "cat062cat065.raw.asterix.jsonl")]
    [InlineData("cat_062_065.pcap", "cat_062_065.pcap.asterix.jsonl")]
    public void EndOfBatch_MatchesTheReference(string file, string reference)
    {
        var (decoded, expected) = Assert.Single(RadarData.WithReference(file, reference), p => p.Decoded.Category == 65);
        Assert.Equal(DecodeStatus.Done, Cat065Decoder.TryDecode(decoded.Bytes, out var r, out _));
        Assert.Equal(expected.ItemNames, ItemNames.Of(Cat065Uap.Instance, (ulong)r.Items));
        Expect.Whole(expected.Item("I010")!.Value.P("SAC"), r.DataSource?.Sac, "SAC");
        Expect.Whole(expected.Item("I010")!.Value.P("SIC"), r.DataSource?.Sic, "SIC");
        Expect.Whole(expected.Item("I000")!.Value.P("Typ"), (int?)r.MessageType, "I000");
        Expect.Whole(expected.Item("I015")!.Value.P("SID"), r.ServiceIdentification, "I015");
        Expect.Close(expected.Item("I030")!.Value.P("ToD"), r.TimeOfMessage?.TotalSeconds, "I030");
        Expect.Whole(expected.Item("I020")!.Value.P("BTN"), r.BatchNumber, "I020");
        Assert.Equal(Cat065MessageType.EndOfBatch, r.MessageType);
        Assert.Null(r.SdpsStatus);
    }
}

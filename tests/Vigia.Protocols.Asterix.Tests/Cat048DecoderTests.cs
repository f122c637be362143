using System.Text.Json;
using Vigia.Protocols.Asterix.Cat048;
using Vigia.Protocols.Asterix.Tests.Support;

namespace Vigia.Protocols.Asterix.Tests;

/// <summary>
/// CAT-048 against the CroatiaControl asterix tool's output (shared/data/radar/reference, SOURCES.md): every record of
/// cat048.raw and of the redundant-network capture, item by item and field by field.
/// </summary>
public sealed partial class Cat048DecoderTests
{
    [Fact]
    public void Cat048Raw_DecodesToTheReference_FieldByField()
    {
        var pairs = RadarData.WithReference("cat048.raw", "cat048.raw.asterix.jsonl");
        var (decoded, expected) = Assert.Single(pairs);
        AssertMatches(decoded.Bytes, expected);

        var record = Cat048Decoder.Decode(decoded.Bytes);
        Assert.Equal("DLH65A  ", record.AircraftIdentification.ToString());
        Assert.Equal(Cat048DetectionType.ModeSRollCall, record.TargetReportDescriptor!.Value.DetectionType);
    }

    [Fact]
    public void RedundantCapture_All128Cat048Records_MatchTheReference()
    {
        var pairs = RadarData.WithReference("cat_034_048.pcap", "cat_034_048.pcap.asterix.jsonl").Where(p => p.Decoded.Category == 48).ToList();
        Assert.Equal(128, pairs.Count);
        foreach (var (decoded, expected) in pairs)
        {
            AssertMatches(decoded.Bytes, expected);
        }
    }

    private static void AssertMatches(byte[] bytes, ReferenceRecord expected)
    {
        Assert.Equal(DecodeStatus.Done, Cat048Decoder.TryDecode(bytes, out var r, out _));
        Assert.Equal(bytes.Length, r.Bytes.Length);
        Assert.Equal(expected.ItemNames, ItemNames.Of(Cat048Uap.Instance, (ulong)r.Items));
        if (expected.Item("I010") is { } i010)
        {
            Expect.Whole(i010.P("SAC"), r.DataSource?.Sac, "SAC");
            Expect.Whole(i010.P("SIC"), r.DataSource?.Sic, "SIC");
        }

        if (expected.Item("I140") is { } i140)
        {
            Expect.Close(i140.P("ToD"), r.TimeOfDay?.TotalSeconds, "I140");
        }

        if (expected.Item("I020") is { } i020)
        {
            var d = r.TargetReportDescriptor!.Value;
            Expect.Whole(i020.P("TYP"), (int)d.DetectionType, "TYP");
            Expect.Flag(i020.P("SIM"), d.IsSimulated, "SIM");
            Expect.Flag(i020.P("RDP"), d.IsFromRdpChain2, "RDP");
            Expect.Flag(i020.P("SPI"), d.HasSpi, "SPI");
            Expect.Flag(i020.P("RAB"), d.IsFromFieldMonitor, "RAB");
            Assert.Equal(1, d.OctetCount);
        }

        if (expected.Item("I040") is { } i040)
        {
            Expect.Close(i040.P("RHO"), r.MeasuredPosition?.RangeNauticalMiles, "RHO");
            Expect.Close(i040.P("THETA"), r.MeasuredPosition?.AzimuthDegrees, "THETA");
        }

        if (expected.Item("I070") is { } i070)
        {
            var m = r.Mode3A!.Value;
            Expect.Flag(i070.P("V"), !m.IsValidated, "V");
            Expect.Flag(i070.P("G"), m.IsGarbled, "G");
            Expect.Flag(i070.P("L"), m.IsLocalOrChanged, "L");
            Expect.Text(i070.P("Mode3A"), m.ToString(), "Mode3A");
        }

        if (expected.Item("I090") is { } i090)
        {
            var f = r.FlightLevel!.Value;
            Expect.Flag(i090.P("V"), !f.IsValidated, "V");
            Expect.Flag(i090.P("G"), f.IsGarbled, "G");
            Expect.Close(i090.P("FL"), f.FlightLevel, "FL");
        }

        AssertPlot(expected.Item("I130"), r.PlotCharacteristics);
        AssertTrack(expected, r);
        AssertModeS(expected, r);
    }

    private static void AssertPlot(JsonElement? expected, Cat048PlotCharacteristics? actual)
    {
        if (expected is not { } i130)
        {
            Assert.Null(actual);
            return;
        }

        var p = actual!.Value;
        Check("SRLP", "SRL", p.SsrRunLengthDegrees);
        Check("SRRP", "SRR", p.SsrReplyCount);
        Check("SAMP", "SAM", p.SsrAmplitudeDbm);
        Check("PRLP", "PRL", p.PsrRunLengthDegrees);
        Check("PAMP", "PAM", p.PsrAmplitudeDbm);
        Check("RPDP", "RPD", p.RangeDifferenceNauticalMiles);
        Check("APDP", "APD", p.AzimuthDifferenceDegrees);

        void Check(string subfield, string field, double? value)
        {
            if (i130.TryGetProperty(subfield, out var e))
            {
                Expect.Close(e.P(field), value, subfield);
            }
            else
            {
                Assert.Null(value);
            }
        }
    }
}

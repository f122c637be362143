using Vigia.Protocols.Asterix.Cat021;
using Vigia.Protocols.Asterix.Tests.Support;

namespace Vigia.Protocols.Asterix.Tests;

/// <summary>CAT-021 edition 2.6 against the reference tool's output: the two ADS-B reports of cat21_re.ast (RE skipped by length).</summary>
public sealed partial class Cat021DecoderTests
{
    [Fact]
    public void Cat21Re_BothReports_MatchTheReference_AndSkipTheReservedExpansionByLength()
    {
        var pairs = RadarData.WithReference("cat21_re.ast", "cat21_re.ast.asterix.jsonl");
        Assert.Equal(2, pairs.Count);
        foreach (var (decoded, expected) in pairs)
        {
            Assert.Equal(DecodeStatus.Done, Cat021Decoder.TryDecode(decoded.Bytes, out var r, out _));
            Assert.Equal(expected.ItemNames, ItemNames.Of(Cat021Uap.Instance, (ulong)r.Items));
            var e = expected.Items;
            Expect.Whole(e.P("I010").P("SAC"), r.DataSource?.Sac, "SAC");
            Expect.Whole(e.P("I010").P("SIC"), r.DataSource?.Sic, "SIC");
            var d = r.TargetReportDescriptor!.Value;
            Assert.Equal(2, d.OctetCount);
            Expect.Whole(e.P("I040").P("ATP"), d.AddressType, "ATP");
            Expect.Whole(e.P("I040").P("ARC"), d.AltitudeReportingCapability, "ARC");
            Expect.Flag(e.P("I040").P("RC"), d.IsRangeCheckPending, "RC");
            Expect.Flag(e.P("I040").P("RAB"), d.IsFromFieldMonitor, "RAB");
            Expect.Flag(e.P("I040").P("DCR"), d.HasDifferentialCorrection, "DCR");
            Expect.Flag(e.P("I040").P("GBS"), d.IsGroundBitSet, "GBS");
            Expect.Flag(e.P("I040").P("SIM"), d.IsSimulated, "SIM");
            Expect.Flag(e.P("I040").P("TST"), d.IsTest, "TST");
            Expect.Flag(e.P("I040").P("SAA"), d.IsSelectedAltitudeUnavailable, "SAA");
            Expect.Whole(e.P("I040").P("CL"), d.ConfidenceLevel, "CL");
            Expect.Close(e.P("I130").P("Lat"), r.Position?.LatitudeDegrees, "Lat");
            Expect.Close(e.P("I130").P("Lon"), r.Position?.LongitudeDegrees, "Lon");
            Expect.Hex24(e.P("I080").P("TAddr"), r.TargetAddress, "I080");
            Expect.Close(e.P("I073").P("time_reception_position"), r.TimeOfReceptionPosition?.TotalSeconds, "I073");
            Expect.Whole(e.P("I074").P("FSI"), r.HighPrecisionTimeOfReceptionPosition?.FullSecondIndication, "FSI");

            // The tool prints the fraction in nanoseconds.
            Expect.Close(e.P("I074").P("time_reception_position_highprecision"), r.HighPrecisionTimeOfReceptionPosition?.FractionSeconds * 1e9, "I074");
            var quality = r.QualityIndicators!.Value;
            Assert.Equal(1, quality.OctetCount);
            Assert.Null(quality.NacP);
            Expect.Whole(e.P("I090").P("NUCr_or_NACv"), quality.NucROrNacV, "NUCr");
            Expect.Whole(e.P("I090").P("NUCp_or_NIC"), quality.NucPOrNic, "NUCp");
            Expect.Flag(e.P("I210").P("VNS"), r.MopsVersion!.Value.IsNotSupported, "VNS");
            Expect.Whole(e.P("I210").P("VN"), r.MopsVersion!.Value.VersionNumber, "VN");
            Expect.Whole(e.P("I210").P("LTT"), r.MopsVersion!.Value.LinkTechnology, "LTT");
            Expect.Whole(e.P("I020").P("ECAT"), r.EmitterCategory, "I020");
            Expect.Close(e.P("I016").P("RP"), r.ServiceManagementSeconds, "I016");
            Expect.Close(e.P("I132").P("MAM"), r.MessageAmplitudeDbm, "I132");
            var i295 = e.P("I295");
            Check(i295, "TRD", 2, r.DataAges);
            Check(i295, "TID", 18, r.DataAges); // the tool's TID is subfield 18 (TI2, target identification age)
            Check(i295, "QI", 4, r.DataAges);
            Check(i295, "MAM", 6, r.DataAges);
            Assert.Null(r.DataAges.GetAgeSeconds(1));
            Assert.Null(r.DataAges.GetAgeSeconds(5));

            // RE: the length octet counts itself; the tool decodes its SGV subitem, we only skip it.
            Assert.True(e.TryGetProperty("IRE", out _));
            Assert.Equal(decoded.Bytes[^5] - 1, r.ReservedExpansion.Length);
            Assert.Equal(decoded.Bytes.AsSpan(decoded.Bytes.Length - 4).ToArray(), r.ReservedExpansion.ToArray());
        }
    }

    private static void Check(System.Text.Json.JsonElement i295, string name, int subfield, Cat021DataAges ages)
    {
        if (i295.TryGetProperty(name, out var age))
        {
            Expect.Close(age.P(name), ages.GetAgeSeconds(subfield), name);
        }
        else
        {
            Assert.Null(ages.GetAgeSeconds(subfield));
        }
    }
}

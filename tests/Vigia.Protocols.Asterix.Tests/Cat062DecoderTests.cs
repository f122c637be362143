using System.Text;
using System.Text.Json;
using Vigia.Protocols.Asterix.Cat062;
using Vigia.Protocols.Asterix.Tests.Support;

namespace Vigia.Protocols.Asterix.Tests;

/// <summary>
/// CAT-062 edition 1.18 against the reference tool's output: the two system tracks of cat062cat065.raw and of
/// cat_062_065.pcap, field by field (units per SOURCES.md; I136 and I135 are printed in feet there).
/// </summary>
public sealed partial class Cat062DecoderTests
{
    [Theory]
    [InlineData("cat062cat065.raw", "cat062cat065.raw.asterix.jsonl")]
    [InlineData("cat_062_065.pcap", "cat_062_065.pcap.asterix.jsonl")]
    public void SystemTracks_MatchTheReference_FieldByField(string file, string reference)
    {
        var pairs = RadarData.WithReference(file, reference).Where(p => p.Decoded.Category == 62).ToList();
        Assert.Equal(2, pairs.Count);
        foreach (var (decoded, expected) in pairs)
        {
            AssertMatches(decoded.Bytes, expected);
        }
    }

    private static void AssertMatches(byte[] bytes, ReferenceRecord expected)
    {
        Assert.Equal(DecodeStatus.Done, Cat062Decoder.TryDecode(bytes, out var r, out _));
        Assert.Equal(bytes.Length, r.Bytes.Length);
        Assert.Equal(expected.ItemNames, ItemNames.Of(Cat062Uap.Instance, (ulong)r.Items));
        var e = expected.Items;
        Expect.Whole(e.P("I010").P("SAC"), r.DataSource?.Sac, "SAC");
        Expect.Whole(e.P("I010").P("SIC"), r.DataSource?.Sic, "SIC");
        Expect.Whole(e.P("I015").P("SID"), r.ServiceIdentification, "I015");
        Expect.Close(e.P("I070").P("ToT"), r.TimeOfTrack?.TotalSeconds, "I070");
        Expect.Close(e.P("I105").P("Lat"), r.Wgs84Position?.LatitudeDegrees, "Lat");
        Expect.Close(e.P("I105").P("Lon"), r.Wgs84Position?.LongitudeDegrees, "Lon");
        Expect.Close(e.P("I100").P("X"), r.CartesianPosition?.XMeters, "X");
        Expect.Close(e.P("I100").P("Y"), r.CartesianPosition?.YMeters, "Y");
        Expect.Close(e.P("I185").P("Vx"), r.Velocity?.VxMetersPerSecond, "Vx");
        Expect.Close(e.P("I185").P("Vy"), r.Velocity?.VyMetersPerSecond, "Vy");
        Expect.Close(e.P("I210").P("Ax"), r.Acceleration?.AxMetersPerSecondSquared, "Ax");
        Expect.Close(e.P("I210").P("Ay"), r.Acceleration?.AyMetersPerSecondSquared, "Ay");
        var mode3A = r.Mode3A!.Value;
        Expect.Flag(e.P("I060").P("V"), !mode3A.IsValidated, "V");
        Expect.Flag(e.P("I060").P("G"), mode3A.IsGarbled, "G");
        Expect.Flag(e.P("I060").P("CH"), mode3A.IsLocalOrChanged, "CH");
        Expect.Text(e.P("I060").P("Mode3A"), mode3A.ToString(), "Mode3A");
        Expect.Whole(e.P("I040").P("TrkN"), r.TrackNumber, "I040");
        AssertTrackStatus(e.P("I080"), r.TrackStatus!.Value);
        Expect.Close(e.P("I290").P("PSR").P("PSR"), r.UpdateAges.PsrAgeSeconds, "I290 PSR");
        Expect.Close(e.P("I290").P("SSR").P("SSR"), r.UpdateAges.SsrAgeSeconds, "I290 SSR");
        Expect.Close(e.P("I290").P("MDS").P("MDS"), r.UpdateAges.ModeSAgeSeconds, "I290 MDS");
        Assert.Null(r.UpdateAges.TrackAgeSeconds);
        var movement = r.ModeOfMovement!.Value;
        Expect.Whole(e.P("I200").P("TRANSA"), movement.Transversal, "TRANS");
        Expect.Whole(e.P("I200").P("LONGA"), movement.Longitudinal, "LONG");
        Expect.Whole(e.P("I200").P("VERTA"), movement.Vertical, "VERT");
        Expect.Flag(e.P("I200").P("ADF"), movement.HasAltitudeDiscrepancy, "ADF");
        Expect.Close(e.P("I295").P("MFL").P("MFL"), r.DataAges.GetAgeSeconds(Cat062DataAge.MeasuredFlightLevel), "I295 MFL");
        Expect.Close(e.P("I295").P("MDA").P("MDA"), r.DataAges.GetAgeSeconds(Cat062DataAge.Mode3A), "I295 MDA");
        Assert.Null(r.DataAges.GetAgeSeconds(Cat062DataAge.Mode1));
        Expect.Close(e.P("I136").P("MFL"), r.MeasuredFlightLevel * 100, "I136 (ft)");
        Expect.Close(e.P("I130").P("Alt"), r.GeometricAltitudeFeet, "I130");
        Expect.Flag(e.P("I135").P("QNH"), r.BarometricAltitude!.Value.IsQnhCorrected, "QNH");
        Expect.Close(e.P("I135").P("CTBA"), r.BarometricAltitude!.Value.FlightLevel * 100, "I135 (ft)");
        Expect.Close(e.P("I220").P("RoC"), r.RateOfClimbFeetPerMinute, "I220");
        AssertDerived(expected.Item("I380"), r.AircraftDerivedData);
        AssertFlightPlan(expected.Item("I390"), r.FlightPlanData);
        AssertMeasured(e.P("I340"), r.MeasuredInformation);
    }

    private static void AssertTrackStatus(JsonElement e, Cat062TrackStatus s)
    {
        Assert.Equal(4, s.OctetCount);
        Expect.Flag(e.P("MON"), s.IsMonosensor, "MON");
        Expect.Flag(e.P("SPI"), s.HasSpi, "SPI");
        Expect.Flag(e.P("MRH"), s.IsGeometricAltitudeMoreReliable, "MRH");
        Expect.Whole(e.P("SRC"), s.AltitudeSource, "SRC");
        Expect.Flag(e.P("CNF"), s.IsTentative, "CNF");
        Expect.Flag(e.P("SIM"), s.IsSimulated, "SIM");
        Expect.Flag(e.P("TSE"), s.IsLastMessage, "TSE");
        Expect.Flag(e.P("TSB"), s.IsFirstMessage, "TSB");
        Expect.Flag(e.P("FPC"), s.IsFlightPlanCorrelated, "FPC");
        Expect.Flag(e.P("AFF"), s.IsAdsBInconsistent, "AFF");
        Expect.Flag(e.P("STP"), s.IsSlaveTrackPromotion, "STP");
        Expect.Flag(e.P("KOS"), s.IsBackgroundService, "KOS");
        Expect.Flag(e.P("AMA"), s.IsAmalgamated, "AMA");
        Expect.Whole(e.P("MD4"), s.Mode4, "MD4");
        Expect.Flag(e.P("ME"), s.IsMilitaryEmergency, "ME");
        Expect.Flag(e.P("MI"), s.IsMilitaryIdentification, "MI");
        Expect.Whole(e.P("MD5"), s.Mode5, "MD5");
        Expect.Flag(e.P("CST"), s.IsCoasting, "CST");
        Expect.Flag(e.P("PSR"), s.IsPsrAged, "PSR");
        Expect.Flag(e.P("SSR"), s.IsSsrAged, "SSR");
        Expect.Flag(e.P("MDS"), s.IsModeSAged, "MDS");
        Expect.Flag(e.P("ADS"), s.IsAdsBAged, "ADS");
        Expect.Flag(e.P("SUC"), s.HasSpecialUsedCode, "SUC");
        Expect.Flag(e.P("AAC"), s.HasAssignedCodeConflict, "AAC");
    }

    private static string Ascii(ReadOnlySpan<byte> bytes) => Encoding.ASCII.GetString(bytes).Replace("\0", string.Empty, StringComparison.Ordinal);
}

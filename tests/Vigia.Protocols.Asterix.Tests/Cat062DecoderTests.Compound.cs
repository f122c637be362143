using System.Text.Json;
using Vigia.Protocols.Asterix.Cat062;
using Vigia.Protocols.Asterix.Tests.Support;

namespace Vigia.Protocols.Asterix.Tests;

/// <summary>The compound items I062/380, I062/390 and I062/340 of the reference comparison.</summary>
public sealed partial class Cat062DecoderTests
{
    private static void AssertDerived(JsonElement? expected, Cat062AircraftDerivedData d)
    {
        Assert.Equal(expected.HasValue, d.IsPresent);
        if (expected is not { } e)
        {
            return;
        }

        Expect.Hex24(e.P("ADR").P("ADR"), d.TargetAddress, "ADR");
        Expect.Text(e.P("ID").P("ACID"), d.TargetIdentification?.ToString(), "ACID");
        var com = d.CommunicationsCapability!.Value;
        Expect.Whole(e.P("COM").P("COM"), com.CommunicationsCapability, "COM");
        Expect.Whole(e.P("COM").P("STAT"), com.FlightStatus, "STAT");
        Expect.Flag(e.P("COM").P("SSC"), com.HasSpecificServiceCapability, "SSC");
        Expect.Flag(e.P("COM").P("ARC"), com.Reports25FeetAltitude, "ARC");
        Expect.Flag(e.P("COM").P("AIC"), com.HasIdentificationCapability, "AIC");
        Expect.Whole(e.P("COM").P("B1A"), com.B1A, "B1A");
        Expect.Whole(e.P("COM").P("B1B"), com.B1B, "B1B");
        Assert.Null(d.MagneticHeadingDegrees);
        Assert.True(d.GetSubfield(3).IsEmpty);
    }

    private static void AssertFlightPlan(JsonElement? expected, Cat062FlightPlanData f)
    {
        Assert.Equal(expected.HasValue, f.IsPresent);
        if (expected is not { } e)
        {
            return;
        }

        Expect.Whole(e.P("TAG").P("SAC"), f.FppsIdentification?.Sac, "TAG SAC");
        Expect.Whole(e.P("TAG").P("SIC"), f.FppsIdentification?.Sic, "TAG SIC");
        Expect.Text(e.P("CSN").P("CS"), Ascii(f.CallsignAscii), "CS");
        Expect.Whole(e.P("IFI").P("TYP"), f.IfpsFlightIdType, "IFI TYP");
        Expect.Whole(e.P("IFI").P("NBR"), f.IfpsFlightIdNumber, "IFI NBR");
        var category = f.RawFlightCategory!.Value;
        Expect.Whole(e.P("FCT").P("GATOAT"), category >> 6, "GATOAT");
        Expect.Whole(e.P("FCT").P("FR1FR2"), (category >> 4) & 3, "FR1FR2");
        Expect.Whole(e.P("FCT").P("RVSM"), (category >> 2) & 3, "RVSM");
        Expect.Whole(e.P("FCT").P("HPR"), (category >> 1) & 1, "HPR");
        Expect.Text(e.P("TAC").P("TYPE"), Ascii(f.AircraftTypeAscii), "TAC");
        Expect.Text(e.P("WTC").P("WTC"), Ascii(f.WakeTurbulenceCategoryAscii), "WTC");
        Expect.Text(e.P("DEP").P("DEP"), Ascii(f.DepartureAscii), "DEP");
        Expect.Text(e.P("DST").P("DES"), Ascii(f.DestinationAscii), "DST");
        var runway = f.RunwayAscii;
        Expect.Text(e.P("RDS").P("NU1"), Ascii(runway[..1]), "NU1");
        Expect.Text(e.P("RDS").P("NU2"), Ascii(runway[1..2]), "NU2");
        Expect.Text(e.P("RDS").P("LTR"), Ascii(runway[2..]), "LTR");
        Expect.Close(e.P("CFL").P("CFL"), f.ClearedFlightLevel, "CFL");
        Assert.Equal(0, f.TimeEntryCount);
        Assert.True(f.StandAscii.IsEmpty);
    }

    private static void AssertMeasured(JsonElement e, Cat062MeasuredInformation m)
    {
        Assert.True(m.IsPresent);
        Expect.Whole(e.P("SID").P("SAC"), m.Sensor?.Sac, "SID SAC");
        Expect.Whole(e.P("SID").P("SIC"), m.Sensor?.Sic, "SID SIC");
        Expect.Close(e.P("POS").P("RHO"), m.Position?.RangeNauticalMiles, "RHO");
        Expect.Close(e.P("POS").P("THETA"), m.Position?.AzimuthDegrees, "THETA");
        Assert.Null(m.Height3DFeet);
        Expect.Whole(e.P("MDC").P("CV"), m.RawModeC >> 15, "CV");
        Expect.Whole(e.P("MDC").P("CG"), (m.RawModeC >> 14) & 1, "CG");
        Expect.Close(e.P("MDC").P("ModeC"), m.ModeCFlightLevel, "ModeC");
        var mda = m.Mode3A!.Value;
        Expect.Flag(e.P("MDA").P("V"), !mda.IsValidated, "MDA V");
        Expect.Flag(e.P("MDA").P("G"), mda.IsGarbled, "MDA G");
        Expect.Flag(e.P("MDA").P("L"), mda.IsLocalOrChanged, "MDA L");
        Expect.Text(e.P("MDA").P("Mode3A"), mda.ToString(), "MDA");
        var type = m.RawReportType!.Value;
        Expect.Whole(e.P("TYP").P("TYP"), type >> 5, "TYP");
        Expect.Whole(e.P("TYP").P("SIM"), (type >> 4) & 1, "SIM");
        Expect.Whole(e.P("TYP").P("RAB"), (type >> 3) & 1, "RAB");
        Expect.Whole(e.P("TYP").P("TST"), (type >> 2) & 1, "TST");
    }
}

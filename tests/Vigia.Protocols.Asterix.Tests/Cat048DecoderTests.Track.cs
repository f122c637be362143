using Vigia.Protocols.Asterix.Cat048;
using Vigia.Protocols.Asterix.Tests.Support;

namespace Vigia.Protocols.Asterix.Tests;

/// <summary>Track and Mode S items of the reference comparison.</summary>
public sealed partial class Cat048DecoderTests
{
    private static void AssertTrack(ReferenceRecord expected, Cat048Record r)
    {
        if (expected.Item("I161") is { } i161)
        {
            Expect.Whole(i161.P("Tn"), r.TrackNumber, "I161");
        }

        if (expected.Item("I042") is { } i042)
        {
            Expect.Close(i042.P("X"), r.CalculatedPosition?.XNauticalMiles, "X");
            Expect.Close(i042.P("Y"), r.CalculatedPosition?.YNauticalMiles, "Y");
        }

        if (expected.Item("I200") is { } i200)
        {
            // SOURCES.md: the tool prints CGS in knots, not the NM/s of the specification.
            Expect.Close(i200.P("CGS"), r.TrackVelocity?.GroundSpeedKnots, "CGS");
            Expect.Close(i200.P("CHdg"), r.TrackVelocity?.HeadingDegrees, "CHdg");
        }

        if (expected.Item("I170") is { } i170)
        {
            var s = r.TrackStatus!.Value;
            Expect.Flag(i170.P("CNF"), s.IsTentative, "CNF");
            Expect.Whole(i170.P("RAD"), s.SensorType, "RAD");
            Expect.Flag(i170.P("DOU"), s.IsDoubtful, "DOU");
            Expect.Flag(i170.P("MAH"), s.IsManoeuvring, "MAH");
            Expect.Whole(i170.P("CDM"), s.ClimbDescentMode, "CDM");
            Assert.Equal(i170.TryGetProperty("TRE", out var tre) ? 2 : 1, s.OctetCount);
            if (s.OctetCount == 2)
            {
                Expect.Flag(tre, s.IsEndOfTrack, "TRE");
                Expect.Flag(i170.P("GHO"), s.IsGhost, "GHO");
                Expect.Flag(i170.P("SUP"), s.IsSupplemented, "SUP");
                Expect.Flag(i170.P("TCC"), s.IsProjected, "TCC");
            }
        }

        if (expected.Item("I110") is { } i110)
        {
            Expect.Close(i110.P("3D_Height"), r.Height3DFeet, "I110");
        }
    }

    private static void AssertModeS(ReferenceRecord expected, Cat048Record r)
    {
        if (expected.Item("I220") is { } i220)
        {
            Expect.Hex24(i220.P("ACAddr"), r.AircraftAddress, "I220");
        }

        if (expected.Item("I240") is { } i240)
        {
            Expect.Text(i240.P("TId"), r.AircraftIdentification?.ToString(), "I240");
        }

        if (expected.Item("I230") is { } i230)
        {
            var c = r.CommunicationsCapability!.Value;
            Expect.Whole(i230.P("COM"), c.CommunicationsCapability, "COM");
            Expect.Whole(i230.P("STAT"), c.FlightStatus, "STAT");
            Expect.Flag(i230.P("SI"), c.IsIICodeCapable, "SI");
            Expect.Flag(i230.P("ModeSSSC"), c.HasSpecificServiceCapability, "MSSC");
            Expect.Flag(i230.P("ARC"), c.Reports25FeetAltitude, "ARC");
            Expect.Flag(i230.P("AIC"), c.HasIdentificationCapability, "AIC");
            Expect.Whole(i230.P("BDS16"), c.B1A, "B1A");
            Expect.Whole(i230.P("BDS37"), c.B1B, "B1B");
        }

        if (expected.Item("I250") is not { } i250)
        {
            Assert.Equal(0, r.ModeSMbDataCount);
            return;
        }

        Assert.Equal(i250.GetArrayLength(), r.ModeSMbDataCount);
        var index = 0;
        foreach (var element in i250.EnumerateArray())
        {
            var register = r.GetModeSMbData(index++);
            Expect.Text(element.P("BDS"), register.Code.ToString("X2", System.Globalization.CultureInfo.InvariantCulture), "BDS");
            if (register.Code == 0x40)
            {
                // BDS 4,0 (ICAO Doc 9871): bit 1 MCP/FCU status, bits 2–13 altitude (16 ft), bit 14 FMS status, 15–26 altitude.
                Expect.Whole(element.P("MCP_ALT_STATUS"), (long)(register.MbData >> 55) & 1, "MCP_ALT_STATUS");
                Expect.Close(element.P("MCP_ALT"), ((register.MbData >> 43) & 0xFFF) * 16.0, "MCP_ALT");
                Expect.Whole(element.P("FMS_ALT_STATUS"), (long)(register.MbData >> 42) & 1, "FMS_ALT_STATUS");
                Expect.Close(element.P("FMS_ALT"), ((register.MbData >> 30) & 0xFFF) * 16.0, "FMS_ALT");
            }
        }
    }
}

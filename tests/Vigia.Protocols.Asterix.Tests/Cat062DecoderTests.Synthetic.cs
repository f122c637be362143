using System.Text;
using Vigia.Protocols.Asterix.Cat062;
using static Vigia.Protocols.Asterix.Tests.Support.RecordBuilder;

namespace Vigia.Protocols.Asterix.Tests;

/// <summary>
/// A hand-made CAT-062 record with the items the shared recordings do not carry (I245, I270, I300, I110, I120, I510,
/// I500, more of I380 and I390, RE, SP) and negative values, laid out per EUROCONTROL-SPEC-0149-9 ed. 1.18.
/// </summary>
public sealed partial class Cat062DecoderTests
{
    private static readonly byte[] Derived = Record(
        (1, [0x12, 0x34, 0x56]), (3, [0x40, 0x00]), (4, [0x83, 0x20]), (5, [0x01, 0xC2]), (6, [0xC5, 0x78]), (7, [0xBF, 0xD8]),
        (13, [0xFD, 0x80]), (15, [0xFB, 0x2E]), (17, [0x80, 0x00]), (18, [0x20, 0x00]), (21, [13]),
        (22, [0x20, 0x00, 0x00, 0xC0, 0x00, 0x00]), (23, [0x06, 0x40]), (25, [1, 1, 2, 3, 4, 5, 6, 7, 0x50]),
        (26, [0x00, 0xFA]), (27, [0x00, 0x64]), (28, [0x08, 0x55]));

    private static readonly byte[] FlightPlan = Record(
        (12, [0x01, 0x08, 0x0C, 0x1E, 0x2D]), (13, Encoding.ASCII.GetBytes("A12   ")), (15, Encoding.ASCII.GetBytes("ABC1D  ")),
        (16, Encoding.ASCII.GetBytes("XYZ2A  ")), (18, Encoding.ASCII.GetBytes("OLD123 ")));

    private static readonly byte[] EveryOtherItem = Record(
        (1, [0x19, 0x64]), (3, [0x07]), (4, [0x00, 0x00, 0x80]), (5, [0xFF, 0x80, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00]),
        (6, [0xFF, 0xFF, 0xFD, 0x00, 0x07, 0xD0]), (7, [0xFF, 0xFF, 0x01, 0x90]), (8, [0xFE, 0x01]), (9, [0x24, 0x56]),
        (10, [0x40, .. Icao6("N123AB")]), (11, Derived), (12, [0x12, 0x34]), (13, [0x9D, 0x03, 0x47, 0x83, 0xBD, 0x10]),
        (14, Record((1, [4]), (5, [0x01, 0x90]), (10, [0xFF]))), (15, [0x5C]), (16, Record((1, [1]), (31, [8]))),
        (17, [0xFF, 0xC4]), (18, [0xFF, 0xFF]), (19, [0x83, 0xE8]), (20, [0x00, 0xA0]), (21, FlightPlan),
        (22, [0x29, 0x81, 0x3C]), (23, [0x0D]), (24, Record((1, [0x80]), (4, [0x41, 0x90]), (6, [0xC0]))), (25, [0x01, 0x23]),
        (26, [0x01, 0x00, 0x03, 0x02, 0x00, 0x0A]),
        (27, Record((1, [0x00, 0xC8, 0x00, 0x64]), (2, [0xFF, 0xEC]), (3, [0, 1, 0, 2]), (4, [8]), (5, [4]), (6, [4, 8]), (7, [1, 2]), (8, [16]))),
        (28, Record((3, [0x01, 0x90]))), (34, [0x02, 0x01]), (35, [0x01]));

    [Fact]
    public void EveryOtherItem_DecodesToTheValuesItsLayoutDefines()
    {
        var r = Cat062Decoder.Decode(EveryOtherItem);
        Assert.Equal(EveryOtherItem.Length, r.Bytes.Length);
        Assert.Equal((Cat062Items)0x6_0FFF_FFFDUL, r.Items);
        Assert.Equal(((byte)7, 1.0), (r.ServiceIdentification, r.TimeOfTrack!.Value.TotalSeconds));
        Assert.Equal(new GeodeticPosition(-45, 90), r.Wgs84Position);
        Assert.Equal((-1.5, 1000.0), (r.CartesianPosition!.Value.XMeters, r.CartesianPosition!.Value.YMeters));
        Assert.Equal((-0.25, 100.0), (r.Velocity!.Value.VxMetersPerSecond, r.Velocity!.Value.VyMetersPerSecond));
        Assert.Equal((-0.5, 0.25), (r.Acceleration!.Value.AxMetersPerSecondSquared, r.Acceleration!.Value.AyMetersPerSecondSquared));
        Assert.Equal(("2126", true), (r.Mode3A!.Value.ToString(), r.Mode3A!.Value.IsLocalOrChanged));
        Assert.Equal((1, "N123AB  "), (r.TargetIdentification!.Value.SourceIndicator, r.TargetIdentification!.Value.Identification.ToString()));
        Assert.Equal((ushort)0x1234, r.TrackNumber);

        var s = r.TrackStatus!.Value;
        Assert.Equal((6, true, 7, true, 2, 3), (s.OctetCount, s.IsMonosensor, s.AltitudeSource, s.IsBackgroundService, s.Mode4, s.Mode5));
        Assert.Equal((true, true, 2, 7, true, true), (s.IsCoasting, s.HasAssignedCodeConflict, s.SurveillanceDataSources, s.Emergency, s.IsPotentiallyFalse, s.IsSurfaceTarget));

        var ages = r.UpdateAges;
        Assert.Equal((1.0, 100.0, 63.75, (double?)null), (ages.TrackAgeSeconds, ages.AdsCAgeSeconds, ages.MultilaterationAgeSeconds, ages.PsrAgeSeconds));
        Assert.Equal((1, 1, 3, false), (r.ModeOfMovement!.Value.Transversal, r.ModeOfMovement!.Value.Longitudinal, r.ModeOfMovement!.Value.Vertical, r.ModeOfMovement!.Value.HasAltitudeDiscrepancy));
        Assert.Equal((0.25, 2.0), (r.DataAges.GetAgeSeconds(Cat062DataAge.MeasuredFlightLevel), r.DataAges.GetAgeSeconds(Cat062DataAge.BarometricPressureSetting)));
        Assert.Equal((-15.0, -6.25, 1000.0), (r.MeasuredFlightLevel, r.GeometricAltitudeFeet, r.RateOfClimbFeetPerMinute));
        Assert.Equal((true, 250.0), (r.BarometricAltitude!.Value.IsQnhCorrected, r.BarometricAltitude!.Value.FlightLevel));
        Assert.Equal(new Cat062TargetSize(20, 180.0, 30), r.TargetSize);
        Assert.Equal(((byte)13, (ushort)0x123), (r.VehicleFleetIdentification, r.Mode2Code));
        Assert.Equal(2, r.ComposedTrackNumberCount);
        Assert.Equal((new Cat062ComposedTrackNumber(1, 1), new Cat062ComposedTrackNumber(2, 5)), (r.GetComposedTrackNumber(0), r.GetComposedTrackNumber(1)));
        Assert.Equal([0x01], r.ReservedExpansion.ToArray());
        Assert.True(r.SpecialPurpose.IsEmpty);
        AssertEveryOtherCompound(r);
    }

    private static void AssertEveryOtherCompound(Cat062Record r)
    {
        var d = r.AircraftDerivedData;
        Assert.Equal((0x123456u, 90.0, (double?)null, 0.8), (d.TargetAddress, d.MagneticHeadingDegrees, d.AirSpeedKnots, d.AirSpeedMach!.Value));
        Assert.Equal((450, 35000.0, -1000.0), (d.TrueAirspeedKnots, d.SelectedAltitudeFeet, d.FinalStateSelectedAltitudeFeet));
        Assert.Equal((-4000.0, -12.34, 180.0, 1800.0), (d.BarometricVerticalRateFeetPerMinute, d.RollAngleDegrees, d.TrackAngleDegrees, d.GroundSpeedKnots));
        Assert.Equal(((byte)13, new GeodeticPosition(45, -90), 10000.0), (d.EmitterCategory, d.Position!.Value, d.GeometricAltitudeFeet));
        Assert.Equal((1, (byte)0x50, 250, 0.8, 1013.3), (d.ModeSMbDataCount, d.GetModeSMbData(0).Code, d.IndicatedAirspeedKnots, d.MachNumber!.Value, Math.Round(d.BarometricPressureSettingHectopascals!.Value, 6)));

        var f = r.FlightPlanData;
        Assert.Equal(1, f.TimeEntryCount);
        Assert.Equal(0x080C1E2Du, f.GetRawTimeEntry(0));
        Assert.Equal(("A12   ", "ABC1D  ", "XYZ2A  ", "OLD123 "), (Ascii(f.StandAscii), Ascii(f.StandardDepartureAscii), Ascii(f.StandardArrivalAscii), Ascii(f.PreEmergencyCallsignAscii)));
        Assert.True(f.CallsignAscii.IsEmpty);

        var m5 = r.Mode5;
        Assert.Equal(((byte)0x80, 10000.0, -0.5, (double?)null), (m5.Summary, m5.GnssAltitudeFeet, m5.TimeOffsetSeconds, m5.Position?.LatitudeDegrees));

        var a = r.EstimatedAccuracies;
        Assert.Equal((100.0, 50.0, -10.0), (a.PositionSigmaXMeters, a.PositionSigmaYMeters, a.XyCovarianceComponentMeters));
        Assert.Equal((180.0 / (1 << 25), 360.0 / (1 << 25)), (a.LatitudeSigmaDegrees, a.LongitudeSigmaDegrees));
        Assert.Equal((50.0, 1.0, 1.0, 2.0), (a.GeometricAltitudeSigmaFeet, a.BarometricAltitudeSigmaFlightLevels, a.VelocitySigmaXMetersPerSecond, a.VelocitySigmaYMetersPerSecond));
        Assert.Equal((0.25, 0.5, 100.0), (a.AccelerationSigmaXMetersPerSecondSquared, a.AccelerationSigmaYMetersPerSecondSquared, a.RateOfClimbSigmaFeetPerMinute));
        Assert.Equal((10000.0, (DataSourceIdentifier?)null), (r.MeasuredInformation.Height3DFeet, r.MeasuredInformation.Sensor));
    }
}

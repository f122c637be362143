using Vigia.Protocols.Asterix.Cat021;
using static Vigia.Protocols.Asterix.Tests.Support.RecordBuilder;

namespace Vigia.Protocols.Asterix.Tests;

/// <summary>A hand-made CAT-021 record with every item but I130 and I080 (see the reference test), per EUROCONTROL-SPEC-0149-12 ed. 2.6.</summary>
public sealed partial class Cat021DecoderTests
{
    private static readonly byte[] EveryOtherItem = Record(
        (1, [0x00, 0x01]), (2, [0x6D, 0xAB, 0x53, 0x8B, 0x84]), (3, [0x0A, 0xBC]), (4, [0x09]), (5, [0x00, 0x01, 0x00]),
        (7, [0x10, 0x00, 0x00, 0x00, 0xF0, 0x00, 0x00, 0x00]), (8, [0x00, 0x01, 0x80]), (9, [0x10, 0x00]), (10, [0x81, 0xF4]),
        (12, [0x00, 0x02, 0x00]), (14, [0x00, 0x02, 0x80]), (15, [0xA0, 0x00, 0x00, 0x00]), (16, [0xFF, 0x60]),
        (17, [0x73, 0xF5, 0x33, 0xC0]), (18, [0x12]), (19, [0x0F, 0xFF]), (20, [0xFA, 0x24]), (21, [0x05, 0x78]), (22, [0xC0, 0x00]),
        (23, [0xD7]), (24, [0x7F, 0xC0]), (25, [0x80, 0xA0]), (26, [0x10, 0x00, 0x40, 0x00]), (27, [0x03, 0xE0]),
        (28, [0x00, 0x03, 0x00]), (29, Icao6("EZY12AB")), (30, [13]), (31, [0x80, 0x00, 0x14]), (32, [0xC1, 0x90]),
        (33, [0xC0, 0xC8]), (34, [0x80, 0x00]), (35, [0x0A]), (36, [0x55]), (37, [0x21, 0x50]), (38, [0x80]),
        (39, [0x01, 1, 2, 3, 4, 5, 6, 7, 0x20]), (40, [7, 6, 5, 4, 3, 2, 1]), (41, [0x03]), (42, Record((1, [1]), (23, [0xFF]))),
        (49, [0x01]));

    [Fact]
    public void EveryOtherItem_DecodesToTheValuesItsLayoutDefines()
    {
        var r = Cat021Decoder.Decode(EveryOtherItem);
        Assert.Equal(EveryOtherItem.Length, r.Bytes.Length);
        Assert.False(r.Items.HasFlag(Cat021Items.Position) || r.Items.HasFlag(Cat021Items.TargetAddress));

        var d = r.TargetReportDescriptor!.Value;
        Assert.Equal((5, 3, 1, true, false), (d.OctetCount, d.AddressType, d.AltitudeReportingCapability, d.IsRangeCheckPending, d.IsFromFieldMonitor));
        Assert.Equal((true, false, true, false, true, 1), (d.HasDifferentialCorrection, d.IsGroundBitSet, d.IsSimulated, d.IsTest, d.IsSelectedAltitudeUnavailable, d.ConfidenceLevel));
        Assert.Equal((0b101001, 0x8B, 0x84), (d.SuspectReasonBits, d.Octet(3), d.Octet(4)));

        Assert.Equal(((ushort)0xABC, (byte)9, 2.0, 3.0), (r.TrackNumber, r.ServiceIdentification, r.TimeOfApplicabilityPosition!.Value.TotalSeconds, r.TimeOfApplicabilityVelocity!.Value.TotalSeconds));
        Assert.Equal(new GeodeticPosition(45, -45), r.HighResolutionPosition);
        Assert.Equal((false, 900.0, (double?)null), (r.AirSpeed!.Value.IsMach, r.AirSpeed!.Value.IndicatedAirspeedKnots!.Value, r.AirSpeed!.Value.Mach));
        Assert.Equal((true, 500), (r.TrueAirspeed!.Value.IsRangeExceeded, r.TrueAirspeed!.Value.AsKnots));
        Assert.Equal((4.0, 5.0, 6.0), (r.TimeOfReceptionPosition!.Value.TotalSeconds, r.TimeOfReceptionVelocity!.Value.TotalSeconds, r.TimeOfReportTransmission!.Value.TotalSeconds));
        Assert.Equal((2, 0.5), (r.HighPrecisionTimeOfReceptionVelocity!.Value.FullSecondIndication, r.HighPrecisionTimeOfReceptionVelocity!.Value.FractionSeconds));
        Assert.Equal(-1000.0, r.GeometricHeightFeet);

        var q = r.QualityIndicators!.Value;
        Assert.Equal((3, 9, 1, 3, 10), (q.NucROrNacV, q.NucPOrNic, q.NicBaro, q.Sil, q.NacP));
        Assert.Equal((true, 2, 1, 12), (q.IsSilPerSample, q.Sda, q.Gva, q.Pic));
        Assert.Equal((false, 2, 2), (r.MopsVersion!.Value.IsNotSupported, r.MopsVersion!.Value.VersionNumber, r.MopsVersion!.Value.LinkTechnology));
        Assert.Equal("7777", r.Mode3A.ToString());
        Assert.Equal((-15.0, 350.0, 270.0), (r.RollAngleDegrees, r.FlightLevel, r.MagneticHeadingDegrees));
        AssertEveryOtherItemRest(r);
    }

    private static void AssertEveryOtherItemRest(Cat021Record r)
    {
        var s = r.TargetStatus!.Value;
        Assert.Equal((true, true, false, 5, 3), (s.IsIntentChange, s.IsLnavNotEngaged, s.IsMilitaryEmergency, s.PriorityStatus, s.SurveillanceStatus));
        Assert.Equal((false, -400.0), (r.BarometricVerticalRate!.Value.IsRangeExceeded, r.BarometricVerticalRate!.Value.AsFeetPerMinute));
        Assert.Equal((true, 1000.0), (r.GeometricVerticalRate!.Value.IsRangeExceeded, r.GeometricVerticalRate!.Value.AsFeetPerMinute));
        var v = r.AirborneGroundVector!.Value;
        Assert.Equal((false, 900.0, 0.25 * 1852, 90.0), (v.IsRangeExceeded, v.GroundSpeedKnots, v.GroundSpeedMetersPerSecond, v.TrackAngleDegrees));
        Assert.Equal(-1.0, r.TrackAngleRateDegreesPerSecond);
        Assert.Equal(("EZY12AB ", (byte)13), (r.TargetIdentification.ToString(), r.EmitterCategory));
        Assert.Equal([0x80, 0x00, 0x14], r.MetInformation.ToArray());
        Assert.Equal((10000.0, 5000.0), (r.SelectedAltitudeFeet, r.FinalStateSelectedAltitudeFeet));
        Assert.Equal([0x80, 0x00], r.TrajectoryIntent.ToArray());
        Assert.Equal((5.0, (byte)0x55, -128), (r.ServiceManagementSeconds, r.AircraftOperationalStatus, r.MessageAmplitudeDbm));
        Assert.Equal([0x21, 0x50], r.SurfaceCapabilities.ToArray());
        Assert.Equal((1, (byte)0x20), (r.ModeSMbDataCount, r.GetModeSMbData(0).Code));
        Assert.Equal([7, 6, 5, 4, 3, 2, 1], r.AcasResolutionAdvisory.ToArray());
        Assert.Equal((byte)3, r.ReceiverId);
        Assert.Equal((0.1, 25.5, (double?)null), (r.DataAges.GetAgeSeconds(1), r.DataAges.GetAgeSeconds(23), r.DataAges.GetAgeSeconds(2)));
        Assert.True(r.SpecialPurpose.IsEmpty && r.Items.HasFlag(Cat021Items.SpecialPurpose));
    }
}

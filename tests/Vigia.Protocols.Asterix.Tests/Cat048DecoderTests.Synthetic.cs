using Vigia.Protocols.Asterix.Cat048;
using static Vigia.Protocols.Asterix.Tests.Support.RecordBuilder;

namespace Vigia.Protocols.Asterix.Tests;

/// <summary>
/// A hand-made record with every CAT-048 item, values chosen from EUROCONTROL-SPEC-0149-4 ed. 1.31 layouts (items the
/// shared recordings do not carry: I030, I080, I100, I120, I210, I260, Mode 1/2, extensions, negative values).
/// </summary>
public sealed partial class Cat048DecoderTests
{
    private static readonly byte[] EveryItem = Record(
        (1, [25, 12]),
        (2, [0x00, 0x00, 0x80]),
        (3, [0xA1, 0xAD, 0xC8]),
        (4, [0x80, 0x00, 0x40, 0x00]),
        (5, [0x2F, 0xFF]),
        (6, [0xFF, 0xF8]),
        (7, [0xFE, 0x20, 0x05, 0xC8, 0x10, 0x05, 0x80, 0x7F]),
        (8, [0xAB, 0xCD, 0xEF]),
        (9, Icao6("VGA7")),
        (10, [0x02, 1, 2, 3, 4, 5, 6, 7, 0x40, 7, 6, 5, 4, 3, 2, 1, 0x60]),
        (11, [0x0F, 0xFF]),
        (12, [0xFF, 0x80, 0x00, 0x80]),
        (13, [0x08, 0x00, 0x40, 0x00]),
        (14, [0x93, 0xD0]),
        (15, [0x80, 0x40, 0x20, 0x10]),
        (16, [0x07, 0x30]),
        (17, [0x0A, 0xBC]),
        (18, [0xC1, 0x23, 0x04, 0x56]),
        (19, [0x3F, 0xFF]),
        (20, [0xC0, 0x83, 0xFD, 0x01, 0x00, 0x64, 0x00, 0xC8, 0x0B, 0xB8]),
        (21, [0x56, 0xBA]),
        (22, [1, 2, 3, 4, 5, 6, 7]),
        (23, [0xA5]),
        (24, [0x12, 0x34]),
        (25, [0xFF]),
        (26, [0x0A, 0xBC]),
        (27, [0x02, 0xAA]),
        (28, [0x03, 0xBB, 0xCC]));

    [Fact]
    public void EveryItem_DecodesToTheValuesItsLayoutDefines()
    {
        var r = Cat048Decoder.Decode(EveryItem);
        Assert.Equal(EveryItem.Length, r.Bytes.Length);
        Assert.Equal((Cat048Items)((1u << 28) - 1), r.Items);
        Assert.True(r.Has(Cat048Items.MeasuredPosition | Cat048Items.ReservedExpansion));
        Assert.Equal(new DataSourceIdentifier(25, 12), r.DataSource);
        Assert.Equal(1.0, r.TimeOfDay!.Value.TotalSeconds);

        var d = r.TargetReportDescriptor!.Value;
        Assert.Equal((Cat048DetectionType.ModeSRollCall, 3, true, false, true), (d.DetectionType, d.OctetCount, d.IsTest, d.HasExtendedRange, d.HasXPulse));
        Assert.Equal((false, true, 2, 0b110010), (d.IsMilitaryEmergency, d.IsMilitaryIdentification, d.Mode4Result, d.OnSiteInformationBits));

        Assert.Equal((128.0, 90.0), (r.MeasuredPosition!.Value.RangeNauticalMiles, r.MeasuredPosition!.Value.AzimuthDegrees));
        Assert.Equal(128 * 1852.0, r.MeasuredPosition!.Value.RangeMeters);
        Assert.Equal(Math.PI / 2, r.MeasuredPosition!.Value.AzimuthRadians, 12);
        Assert.Equal(("7777", true, true), (r.Mode3A!.Value.ToString(), r.Mode3A!.Value.IsValidated, r.Mode3A!.Value.IsLocalOrChanged));
        Assert.Equal((false, true, -2.0, -200.0), (r.FlightLevel!.Value.IsValidated, r.FlightLevel!.Value.IsGarbled, r.FlightLevel!.Value.FlightLevel, r.FlightLevel!.Value.PressureAltitudeFeet));

        var plot = r.PlotCharacteristics!.Value;
        Assert.Equal((1.40625, 5, -56, 0.703125, 5), (plot.SsrRunLengthDegrees, plot.SsrReplyCount, plot.SsrAmplitudeDbm, plot.PsrRunLengthDegrees, plot.PsrAmplitudeDbm));
        Assert.Equal((-0.5, 127 * 360.0 / 16384), (plot.RangeDifferenceNauticalMiles, plot.AzimuthDifferenceDegrees));

        Assert.Equal(0xABCDEFu, r.AircraftAddress);
        Assert.Equal("VGA7    ", r.AircraftIdentification.ToString());
        Assert.Equal(2, r.ModeSMbDataCount);
        Assert.Equal(new BdsRegister(0x01020304050607, 4, 0), r.GetModeSMbData(0));
        Assert.Equal((byte)0x60, r.GetModeSMbData(1).Code);
        Assert.Throws<ArgumentOutOfRangeException>(() => Cat048Decoder.Decode(EveryItem).GetModeSMbData(2));
        Assert.Equal((ushort)4095, r.TrackNumber);
        AssertEveryTrackItem(r);
    }

    private static void AssertEveryTrackItem(Cat048Record r)
    {
        Assert.Equal((-1.0, 1.0, -1852.0), (r.CalculatedPosition!.Value.XNauticalMiles, r.CalculatedPosition!.Value.YNauticalMiles, r.CalculatedPosition!.Value.XMeters));
        Assert.Equal((450.0, 90.0), (r.TrackVelocity!.Value.GroundSpeedKnots, r.TrackVelocity!.Value.HeadingDegrees));
        Assert.Equal(0.125 * 1852, r.TrackVelocity!.Value.GroundSpeedMetersPerSecond);

        var s = r.TrackStatus!.Value;
        Assert.Equal((true, 0, true, false, 1), (s.IsTentative, s.SensorType, s.IsDoubtful, s.IsManoeuvring, s.ClimbDescentMode));
        Assert.Equal((true, true, false, true), (s.IsEndOfTrack, s.IsGhost, s.IsSupplemented, s.IsProjected));

        var q = r.TrackQuality!.Value;
        Assert.Equal((1852.0, 926.0, 32 / 16384.0 * 1852, 1.40625), (q.SigmaXMeters, q.SigmaYMeters, q.SigmaGroundSpeedMetersPerSecond, q.SigmaHeadingDegrees));
        Assert.Equal(2, r.WarningErrorCount);
        Assert.Equal((3, 24), (r.GetWarningErrorCode(0), r.GetWarningErrorCode(1)));
        Assert.Equal((ushort)0xABC, r.Mode3AConfidence);
        Assert.Equal((false, true, 0x123, 0x456), (r.ModeCCode!.Value.IsValidated, r.ModeCCode!.Value.IsGarbled, r.ModeCCode!.Value.GrayCode, r.ModeCCode!.Value.ConfidenceBits));
        Assert.Equal(-25.0, r.Height3DFeet);
        Assert.Equal((true, -3), (r.CalculatedDopplerSpeed!.Value.IsDoubtful, r.CalculatedDopplerSpeed!.Value.MetersPerSecond));
        Assert.Equal(1, r.RawDopplerSpeedCount);
        Assert.Equal(new Cat048RawDopplerSpeed(100, 200, 3000), r.GetRawDopplerSpeed(0));

        var c = r.CommunicationsCapability!.Value;
        Assert.Equal((2, 5, true, true, false, true, 1, 0xA), (c.CommunicationsCapability, c.FlightStatus, c.IsIICodeCapable, c.HasSpecificServiceCapability, c.Reports25FeetAltitude, c.HasIdentificationCapability, c.B1A, c.B1B));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], r.AcasResolutionAdvisory.ToArray());
        Assert.Equal(((byte)0xA5, (ushort)0x234, (byte)0x1F, (ushort)0xABC), (r.Mode1Code, r.Mode2Code!.Value.Code, r.Mode1Confidence, r.Mode2Confidence));
        Assert.Equal([0xAA], r.SpecialPurpose.ToArray());
        Assert.Equal([0xBB, 0xCC], r.ReservedExpansion.ToArray());
    }
}

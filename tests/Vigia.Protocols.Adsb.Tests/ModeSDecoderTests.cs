namespace Vigia.Protocols.Adsb.Tests;

/// <summary>Golden vectors of shared/data/adsb/test_vectors.csv (sources: The 1090 MHz Riddle, pyModeS tests; cited per row).</summary>
public sealed partial class ModeSDecoderTests
{
    public static TheoryData<string> VectorIds(string kind) => new(AdsbData.TestVectors.Where(v => v.Kind == kind).Select(v => v.Id));

    [Fact]
    public void EveryVector_HasTheCrcRemainderTheFileStates()
    {
        foreach (var vector in AdsbData.TestVectors)
        {
            foreach (var hex in vector.Hex)
            {
                Assert.Equal(vector.CrcRemainder, ModeSCrc.Syndrome(Convert.FromHexString(hex)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(VectorIds), "identification")]
    public void Identification_GivesAddressCallsignAndCategory(string id)
    {
        var vector = AdsbData.Vector(id);
        var message = ModeSDecoder.Decode(vector.Bytes());
        Assert.Equal(AdsbMessageKind.Identification, message.Kind);
        Assert.Equal(vector.Value("icao"), message.Address.ToString());
        Assert.Equal(AddressQualifier.Icao, message.AddressQualifier);
        Assert.Equal(vector.Value("callsign"), message.Identification.Callsign.ToString());
        Assert.False(message.Identification.Callsign.HasInvalidCharacters);
        Assert.Equal(vector.Tc, message.TypeCode);
        Assert.Equal(0, message.Identification.Category);
        Assert.Equal("A0", message.Identification.CategoryLabel);
    }

    [Fact]
    public void CommBIdentification_FromDf20_HasACallsignAndNoCategory()
    {
        // modes1 capture (dump1090-mutability AVR output): DF20 with BDS 2,0 from 4D2023.
        var message = ModeSDecoder.Decode(Convert.FromHexString("A0200EB02004D0F4CB18200BA365"));
        Assert.Equal(("4D2023", AdsbMessageKind.SurveillanceAltitude, 22600), (message.Address.ToString(), message.Kind, message.AltitudeFeet));
        Assert.Equal("AMC421", message.CommBIdentification!.Value.Callsign.ToString());
        Assert.Null(message.CommBIdentification.Value.CategoryLabel);
    }

    [Fact]
    public void CorruptedIdentification_IsInvalidDataWithTheSyndrome()
    {
        var vector = AdsbData.Vector("crc-corrupt");
        var status = ModeSDecoder.TryDecode(vector.Bytes(), out var message, out var error);
        Assert.Equal(DecodeStatus.InvalidData, status);
        Assert.Equal(AdsbErrorCode.CrcMismatch, error.Code);
        Assert.Equal(11, error.Offset);
        Assert.Equal("PI", error.Field);
        Assert.Equal(16, error.Actual);
        Assert.Equal(default, message);
    }

    [Theory]
    [MemberData(nameof(VectorIds), "airborne-position")]
    public void AirbornePosition_GivesFormatEncodedPositionAndAltitude(string id)
    {
        var vector = AdsbData.Vector(id);
        var position = ModeSDecoder.Decode(vector.Bytes()).AirbornePosition;
        Assert.Equal((CprFormat)int.Parse(vector.Value("cpr_format"), System.Globalization.CultureInfo.InvariantCulture), position.Format);
        Assert.Equal((int)vector.Number("altitude_ft"), position.BarometricAltitudeFeet);
        if (vector.Expected.ContainsKey("cpr_lat"))
        {
            Assert.Equal((int)vector.Number("cpr_lat"), position.EncodedLatitude);
            Assert.Equal((int)vector.Number("cpr_lon"), position.EncodedLongitude);
        }

        if (vector.Expected.ContainsKey("nuc_p"))
        {
            Assert.Equal((int)vector.Number("nuc_p"), position.NavigationUncertaintyCategory);
        }
    }

    [Theory]
    [MemberData(nameof(VectorIds), "altitude")]
    public void Altitude_QBitCodingDownToMinus325Feet(string id)
    {
        var vector = AdsbData.Vector(id);
        Assert.Equal((int)vector.Number("altitude_ft"), ModeSDecoder.Decode(vector.Bytes()).AirbornePosition.BarometricAltitudeFeet);
    }

    [Theory]
    [MemberData(nameof(VectorIds), "airborne-velocity")]
    public void AirborneVelocity_MatchesEveryStatedField(string id)
    {
        var vector = AdsbData.Vector(id);
        var parity = vector.CrcRemainder == 0 ? ParityCheck.Verify : ParityCheck.Ignore;
        var velocity = ModeSDecoder.Decode(vector.Bytes(), parity).Velocity;
        foreach (var (key, _) in vector.Expected)
        {
            switch (key)
            {
                case "subtype":
                    Assert.Equal((int)vector.Number(key), velocity.Subtype);
                    break;
                case "groundspeed_kt":
                    Assert.Equal(159.20, velocity.GroundSpeedKnots!.Value, 0.005);
                    Assert.Equal((int)vector.Number(key), (int)Math.Round(velocity.GroundSpeedKnots.Value));
                    break;
                case "track_deg":
                    Assert.Equal(vector.Number(key), velocity.TrackDegrees!.Value, 0.005);
                    break;
                case "vertical_rate_fpm":
                    Assert.Equal((int)vector.Number(key), velocity.VerticalRateFeetPerMinute);
                    break;
                case "vr_source":
                    Assert.Equal(vector.Value(key) == "GNSS" ? VerticalRateSource.Gnss : VerticalRateSource.Barometric, velocity.VerticalRateSource);
                    break;
                case "geo_minus_baro_ft":
                    Assert.Equal((int)vector.Number(key), velocity.GnssMinusBarometricFeet);
                    break;
                case "airspeed_kt":
                    Assert.Equal((int)vector.Number(key), velocity.AirspeedKnots);
                    break;
                case "airspeed_type":
                    Assert.Equal(vector.Value(key) == "TAS" ? AirspeedType.True : AirspeedType.Indicated, velocity.AirspeedType);
                    break;
                case "heading_deg":
                    Assert.Equal(vector.Number(key), velocity.MagneticHeadingDegrees!.Value, 0.005);
                    break;
                default:
                    Assert.Fail("unhandled expected key " + key);
                    break;
            }
        }
    }

    [Fact]
    public void SyntheticVelocityWithBadParity_IsRefusedUnlessParityIsIgnored()
    {
        var vector = AdsbData.Vector("vel-ias-heading0");
        Assert.Equal(DecodeStatus.InvalidData, ModeSDecoder.TryDecode(vector.Bytes(), out _, out var error));
        Assert.Equal(AdsbErrorCode.CrcMismatch, error.Code);
        Assert.Equal(vector.CrcRemainder, (uint)error.Actual);
        Assert.Equal(DecodeStatus.Done, ModeSDecoder.TryDecode(vector.Bytes(), ParityCheck.Ignore, out _, out _));
    }

    [Theory]
    [MemberData(nameof(VectorIds), "surface-position")]
    public void SurfacePosition_GivesMovementSpeedAndEncodedPosition(string id)
    {
        var vector = AdsbData.Vector(id);
        var message = ModeSDecoder.Decode(vector.Bytes());
        Assert.Equal(AdsbMessageKind.SurfacePosition, message.Kind);
        Assert.Equal((DownlinkFormat)vector.Df, message.DownlinkFormat);
        var surface = message.SurfacePosition;
        if (vector.Expected.TryGetValue("movement_code", out var code))
        {
            Assert.Equal(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), surface.Movement);
        }

        if (vector.Expected.TryGetValue("groundspeed", out var none))
        {
            Assert.Equal("none", none);
            Assert.Null(surface.GroundSpeedKnots);
        }

        if (vector.Expected.ContainsKey("groundspeed_kt"))
        {
            Assert.Equal(vector.Number("groundspeed_kt"), surface.GroundSpeedKnots);
        }

        if (vector.Expected.ContainsKey("cpr_lat"))
        {
            Assert.Equal((CprFormat)(int)vector.Number("cpr_format"), surface.Format);
            Assert.Equal((int)vector.Number("cpr_lat"), surface.EncodedLatitude);
            Assert.Equal((int)vector.Number("cpr_lon"), surface.EncodedLongitude);
        }
    }
}

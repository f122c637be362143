namespace Vigia.Protocols.Adsb.Tests;

/// <summary>Refusals: each bad reply gives a specific code, offset and field, never an exception.</summary>
public sealed partial class ModeSDecoderTests
{
    private static DecodeError Refused(string hex, DecodeStatus expected)
    {
        var status = ModeSDecoder.TryDecode(Convert.FromHexString(hex), out _, out var error);
        Assert.Equal(expected, status);
        return error;
    }

    [Theory]
    [InlineData("")]
    [InlineData("8D")]
    [InlineData("8D4840D6202CC371C32CE05760")]
    [InlineData("8D4840D6202CC371C32CE0576098FF")]
    public void TryDecode_BadLength_IsInvalidFrameLength(string hex)
    {
        var error = Refused(hex, DecodeStatus.InvalidData);
        Assert.Equal(AdsbErrorCode.InvalidFrameLength, error.Code);
        Assert.Equal(hex.Length / 2, error.Actual);
    }

    [Fact]
    public void TryDecode_Df17InSevenBytes_IsLengthMismatch()
    {
        var error = Refused("8D4840D6202CC3", DecodeStatus.InvalidData);
        Assert.Equal(AdsbErrorCode.LengthMismatch, error.Code);
        Assert.Equal((14, 7), (error.Expected, error.Actual));
    }

    [Fact]
    public void TryDecode_Df4InFourteenBytes_IsLengthMismatch()
    {
        var error = Refused("20000F1F684A6C20000F1F684A6C", DecodeStatus.InvalidData);
        Assert.Equal(AdsbErrorCode.LengthMismatch, error.Code);
        Assert.Equal((7, 14), (error.Expected, error.Actual));
    }

    [Theory]
    [InlineData("08000000000000", 1)]
    [InlineData("70000000000000", 14)]
    [InlineData("B800000000000000000000000000", 23)]
    public void TryDecode_UnassignedDownlinkFormat_IsUndefined(string hex, int df)
    {
        var error = Refused(hex, DecodeStatus.InvalidData);
        Assert.Equal(AdsbErrorCode.UndefinedDownlinkFormat, error.Code);
        Assert.Equal(df, error.Actual);
    }

    [Theory]
    [InlineData("9800000000000000000000000000", 19)]
    [InlineData("C000000000000000000000000000", 24)]
    public void TryDecode_MilitaryOrCommD_IsUnsupported(string hex, int df)
    {
        var error = Refused(hex, DecodeStatus.Unsupported);
        Assert.Equal(AdsbErrorCode.UnsupportedDownlinkFormat, error.Code);
        Assert.Equal(df, error.Actual);
    }

    [Fact]
    public void TryDecode_ModeAC_IsUnsupported()
    {
        Assert.Equal(AdsbErrorCode.UnsupportedDownlinkFormat, Refused("0A1B", DecodeStatus.Unsupported).Code);
    }

    [Fact]
    public void TryDecode_UnsupportedTypeCode_KeepsTheHeader()
    {
        // A DF17 with type code 28 (aircraft status) built with a valid parity.
        var reply = WithParity("8D4840D6E1000000000000000000");
        var status = ModeSDecoder.TryDecode(reply, out var message, out var error);
        Assert.Equal(DecodeStatus.Unsupported, status);
        Assert.Equal((AdsbErrorCode.UnsupportedTypeCode, 4, "ME.TypeCode", 28L), (error.Code, error.Offset, error.Field, error.Actual));
        Assert.Equal("4840D6", message.Address.ToString());
        Assert.Equal(28, message.TypeCode);
        Assert.Equal(AdsbMessageKind.None, message.Kind);
    }

    [Fact]
    public void TryDecode_ReservedVelocitySubtype_IsUnsupported()
    {
        var error = Refused(Convert.ToHexString(WithParity("8D485020980000000000000000")), DecodeStatus.Unsupported);
        Assert.Equal((AdsbErrorCode.UnsupportedSubtype, 0L), (error.Code, error.Actual));
    }

    [Fact]
    public void TryDecode_Df18CoarseTisB_IsUnsupportedControlField()
    {
        var error = Refused(Convert.ToHexString(WithParity("934840D6202CC371C32CE0000000")), DecodeStatus.Unsupported);
        Assert.Equal((AdsbErrorCode.UnsupportedControlField, 3L), (error.Code, error.Actual));
    }

    [Fact]
    public void TryDecode_AllCallWithBadParity_IsCrcMismatch()
    {
        var error = Refused("5D4D20247A55A6", DecodeStatus.InvalidData);
        Assert.Equal((AdsbErrorCode.CrcMismatch, 4), (error.Code, error.Offset));
        Assert.Equal(DecodeStatus.Done, ModeSDecoder.TryDecode(Convert.FromHexString("5D4D20237A55A6"), out var ok, out _));
        Assert.Equal(("4D2023", AdsbMessageKind.AllCall), (ok.Address.ToString(), ok.Kind));
    }

    [Fact]
    public void Decode_Refused_ThrowsProtocolDecodeExceptionWithTheError()
    {
        var e = Assert.Throws<ProtocolDecodeException>(() => ModeSDecoder.Decode(Convert.FromHexString("8D4CA251204994B1C36E60A5343D")));
        Assert.Equal(DecodeStatus.InvalidData, e.Status);
        Assert.Equal(AdsbErrorCode.CrcMismatch, e.Error.Code);
        Assert.Contains("CrcMismatch at byte 11 (PI)", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Pads a hex reply to its length and writes a valid parity (CRC of the data).</summary>
    internal static byte[] WithParity(string hex)
    {
        var bytes = Convert.FromHexString(hex.PadRight((Convert.FromHexString(hex[..2])[0] >> 3) >= 16 ? 28 : 14, '0'));
        var crc = ModeSCrc.Compute(bytes.AsSpan(0, bytes.Length - 3));
        bytes[^3] = (byte)(crc >> 16);
        bytes[^2] = (byte)(crc >> 8);
        bytes[^1] = (byte)crc;
        return bytes;
    }
}

namespace Vigia.Protocols.Adsb.Tests;

/// <summary>Frames built from bytes, and addresses parsed from text.</summary>
public sealed class ModeSFrameTests
{
    [Theory]
    [InlineData("0A1B", ModeSFrameKind.ModeAC)]
    [InlineData("5D4D20237A55A6", ModeSFrameKind.ModeSShort)]
    [InlineData("8D4840D6202CC371C32CE0576098", ModeSFrameKind.ModeSLong)]
    public void FromBytes_KindFollowsTheLength(string hex, ModeSFrameKind kind)
    {
        var frame = ModeSFrame.FromBytes(Convert.FromHexString(hex), timestamp12MHz: 42, signalLevel: 7);
        Assert.Equal((kind, hex.Length / 2, 42UL, true, (byte)7), (frame.Kind, frame.Length, frame.Timestamp12MHz, frame.HasTimestamp, frame.SignalLevel));
        Assert.Equal(hex, Convert.ToHexString(frame.Data));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(15)]
    public void FromBytes_OtherLengths_Throw(int length) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ModeSFrame.FromBytes(new byte[length]));

    [Theory]
    [InlineData("4840d6", true, 0x4840D6u)]
    [InlineData("ABCDEF", true, 0xABCDEFu)]
    [InlineData("4840D", false, 0u)]
    [InlineData("4840DG", false, 0u)]
    public void IcaoAddress_TryParse_SixHexDigitsOnly(string text, bool ok, uint value)
    {
        Assert.Equal(ok, IcaoAddress.TryParse(text, out var address));
        Assert.Equal(value, address.Value);
        if (ok)
        {
            Assert.Equal(text.ToUpperInvariant(), address.ToString());
        }
    }
}

using System.Text;

namespace Vigia.Protocols.Adsb.Tests;

/// <summary>AVR text framing: plain and timestamped lines, bad lines with specific errors, partial lines.</summary>
public sealed class AvrFramerTests
{
    private static (DecodeStatus Status, ModeSFrame Frame, int Consumed, DecodeError Error) Read(string text)
    {
        var status = AvrFramer.TryReadFrame(Encoding.ASCII.GetBytes(text), out var frame, out var consumed, out var error);
        return (status, frame, consumed, error);
    }

    [Fact]
    public void PlainLine_GivesTheReply()
    {
        var r = Read("*8D4840D6202CC371C32CE0576098;\r\n");
        Assert.Equal(DecodeStatus.Done, r.Status);
        Assert.Equal("8D4840D6202CC371C32CE0576098", Convert.ToHexString(r.Frame.Data));
        Assert.Equal(30, r.Consumed);
        Assert.False(r.Frame.HasTimestamp);
    }

    [Fact]
    public void TimestampedLine_GivesTheCounter()
    {
        var r = Read("\n@00000001146F20000f1f684a6c;");
        Assert.Equal(DecodeStatus.Done, r.Status);
        Assert.Equal(0x1146FUL, r.Frame.Timestamp12MHz);
        Assert.Equal("20000F1F684A6C", Convert.ToHexString(r.Frame.Data));
        Assert.Equal(ModeSFrameKind.ModeSShort, r.Frame.Kind);
    }

    [Fact]
    public void PartialLine_NeedsMoreDataAndKeepsIt()
    {
        var r = Read("\r\n*8D4840D6202C");
        Assert.Equal(DecodeStatus.NeedMoreData, r.Status);
        Assert.Equal(2, r.Consumed);
    }

    [Theory]
    [InlineData("#8D4840D6;\n*5D4D20237A55A6;", AdsbErrorCode.AvrUnknownPrefix, 0, 10)]
    [InlineData("*8D4840D6;\n", AdsbErrorCode.AvrInvalidLength, 1, 10)]
    [InlineData("*8D4840D6202CC371C32CE057609Z;", AdsbErrorCode.AvrInvalidHexDigit, 28, 30)]
    [InlineData("@0000000G146F20000f1f684a6c;", AdsbErrorCode.AvrInvalidHexDigit, 8, 28)]
    [InlineData("*8D4840D6202CC371C32CE0576098\n*5D", AdsbErrorCode.AvrMissingTerminator, 29, 30)]
    public void BadLine_GivesASpecificErrorAndIsDroppedWhole(string text, AdsbErrorCode code, int offset, int consumed)
    {
        var r = Read(text);
        Assert.Equal(DecodeStatus.InvalidData, r.Status);
        Assert.Equal((code, offset, consumed), (r.Error.Code, r.Error.Offset, r.Consumed));
    }

    [Fact]
    public void LineLongerThanAnyReply_IsMissingTerminator()
    {
        var r = Read("*" + new string('A', 60));
        Assert.Equal(DecodeStatus.InvalidData, r.Status);
        Assert.Equal(AdsbErrorCode.AvrMissingTerminator, r.Error.Code);
        Assert.Equal(61, r.Consumed);
    }
}

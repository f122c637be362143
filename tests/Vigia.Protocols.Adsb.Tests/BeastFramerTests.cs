namespace Vigia.Protocols.Adsb.Tests;

/// <summary>Beast binary framing: the reference stream (with escaped 0x1a bytes), chunked input, loss of sync.</summary>
public sealed class BeastFramerTests
{
    private static readonly byte[] Modes1 = AdsbData.Reference("modes1_2400k.dump1090-mutability.beast.bin");

    [Fact]
    public void ReferenceStream_Gives277FramesAndUnescapesEveryDoubledMarker()
    {
        var frames = ReferenceReplay.ReadBeast(Modes1);
        Assert.Equal(277, frames.Count);
        Assert.All(frames, f => Assert.True(f.Kind is ModeSFrameKind.ModeSShort or ModeSFrameKind.ModeSLong));

        // SOURCES.md: eight bytes of the file are escaped as 1a 1a; unescaped, each frame is 2 + 7 + payload bytes.
        var unescapedLength = frames.Sum(f => 2 + BeastFramer.TimestampLength + 1 + f.Length);
        Assert.Equal(Modes1.Length - 8, unescapedLength);
        Assert.Equal(0x18FAUL, frames[0].Timestamp12MHz);
        Assert.Equal(0x28, frames[0].SignalLevel);
        Assert.Equal("8F4D2023587F345E35837E2218B2", Convert.ToHexString(frames[0].Data));
    }

    [Fact]
    public void FedOneByteAtATime_GivesTheSameFramesAsWhole()
    {
        var whole = ReferenceReplay.ReadBeast(Modes1).Select(f => (f.Timestamp12MHz, Convert.ToHexString(f.Data))).ToList();
        var pieces = new List<(ulong, string)>();
        var buffer = new List<byte>();
        foreach (var b in Modes1)
        {
            buffer.Add(b);
            while (true)
            {
                var status = BeastFramer.TryReadFrame(buffer.ToArray(), out var frame, out var consumed, out var error);
                if (status == DecodeStatus.NeedMoreData)
                {
                    Assert.Equal(0, consumed);
                    break;
                }

                Assert.True(status == DecodeStatus.Done, error.Message);
                pieces.Add((frame.Timestamp12MHz, Convert.ToHexString(frame.Data)));
                buffer.RemoveRange(0, consumed);
            }
        }

        Assert.Empty(buffer);
        Assert.Equal(whole, pieces);
    }

    [Fact]
    public void EveryTruncation_NeedsMoreDataAndConsumesNothing()
    {
        var first = Modes1.AsSpan(0, 23);
        Assert.Equal(DecodeStatus.Done, BeastFramer.TryReadFrame(first, out _, out var length, out _));
        for (var cut = 0; cut < length; cut++)
        {
            Assert.Equal(DecodeStatus.NeedMoreData, BeastFramer.TryReadFrame(first[..cut], out _, out var consumed, out _));
            Assert.Equal(0, consumed);
        }
    }

    [Fact]
    public void GarbageBeforeAFrame_IsSkippedToTheMarkerThenTheFrameReads()
    {
        byte[] input = [0x00, 0x31, 0xFF, .. Modes1.AsSpan(0, 23)];
        Assert.Equal(DecodeStatus.InvalidData, BeastFramer.TryReadFrame(input, out _, out var consumed, out var error));
        Assert.Equal((AdsbErrorCode.BeastGarbage, 0, 3), (error.Code, error.Offset, consumed));
        Assert.Equal(DecodeStatus.Done, BeastFramer.TryReadFrame(input.AsSpan(consumed), out var frame, out consumed, out _));
        Assert.Equal(23, consumed);
        Assert.Equal("8F4D2023587F345E35837E2218B2", Convert.ToHexString(frame.Data));
    }

    [Fact]
    public void EscapedPairInGarbage_IsNotTakenForAFrameStart()
    {
        // 1a 1a 33 …: an escaped data byte followed by '3' must not start a frame.
        byte[] input = [0x05, 0x1a, 0x1a, 0x33, 0x00, 0x00, .. Modes1.AsSpan(0, 23)];
        Assert.Equal(DecodeStatus.InvalidData, BeastFramer.TryReadFrame(input, out _, out var consumed, out _));
        Assert.Equal(6, consumed);
        Assert.Equal(DecodeStatus.Done, BeastFramer.TryReadFrame(input.AsSpan(consumed), out _, out _, out _));
    }

    [Fact]
    public void UnknownFrameType_IsRefusedAndSkippedToTheNextMarker()
    {
        byte[] input = [0x1a, 0x35, 0x01, 0x02, .. Modes1.AsSpan(0, 23)];
        Assert.Equal(DecodeStatus.InvalidData, BeastFramer.TryReadFrame(input, out _, out var consumed, out var error));
        Assert.Equal((AdsbErrorCode.BeastUnknownFrameType, 1, (long)'5', 4), (error.Code, error.Offset, error.Actual, consumed));
    }

    [Fact]
    public void FrameCutByANewMarker_IsRefusedAtTheMarkerAndTheNextFrameReads()
    {
        // A long frame whose body stops after 5 bytes because the next frame begins.
        byte[] input = [0x1a, 0x33, 0x00, 0x00, 0x00, 0x00, 0x01, .. Modes1.AsSpan(0, 23)];
        Assert.Equal(DecodeStatus.InvalidData, BeastFramer.TryReadFrame(input, out _, out var consumed, out var error));
        Assert.Equal((AdsbErrorCode.BeastUnescapedMarker, 7, "Beast.Timestamp", 7), (error.Code, error.Offset, error.Field, consumed));
        Assert.Equal(DecodeStatus.Done, BeastFramer.TryReadFrame(input.AsSpan(consumed), out _, out _, out _));
    }

    [Fact]
    public void ModeACFrame_HasTwoBytes()
    {
        byte[] input = [0x1a, 0x31, 0, 0, 0, 0, 0, 9, 0x80, 0x12, 0x34];
        Assert.Equal(DecodeStatus.Done, BeastFramer.TryReadFrame(input, out var frame, out var consumed, out _));
        Assert.Equal((ModeSFrameKind.ModeAC, 2, 9UL, 11), (frame.Kind, frame.Length, frame.Timestamp12MHz, consumed));
        Assert.Equal(DecodeStatus.Unsupported, ModeSDecoder.TryDecode(frame.Data, out _, out _));
    }
}

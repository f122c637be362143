using System.Buffers;
using System.Buffers.Binary;

namespace Vigia.Protocols.Sapient.Tests;

public sealed class SapientFrameReaderTests
{
    private const int Max = SapientFraming.DefaultMaxFrameLength;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void TryReadFrame_LessThanAPrefix_NeedsMoreData(int length)
    {
        var status = SapientFrameReader.TryReadFrame(new byte[length], Max, out _, out var consumed, out var error);

        Assert.Equal(SapientStatus.NeedMoreData, status);
        Assert.Equal(0, consumed);
        Assert.Equal(default, error);
    }

    [Fact]
    public void TryReadFrame_GoldenFrameCutAnywhere_NeedsMoreDataUntilWhole()
    {
        var frame = GoldenFrames.Frame("04_detection_report_uav");
        for (var cut = 0; cut < frame.Length; cut++)
        {
            Assert.Equal(SapientStatus.NeedMoreData, SapientFrameReader.TryReadFrame(frame.AsSpan(0, cut), Max, out _, out _, out _));
        }

        Assert.Equal(SapientStatus.Done, SapientFrameReader.TryReadFrame(frame, Max, out var payload, out var consumed, out _));
        Assert.Equal(frame.Length, consumed);
        Assert.Equal(frame.Length - 4, payload.Length);
    }

    [Fact]
    public void TryReadFrame_LengthOverTheMaximum_IsFrameTooLongAtOnceWithoutWaitingForThePayload()
    {
        var prefix = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(prefix, 5001);

        var status = SapientFrameReader.TryReadFrame(prefix, 5000, out _, out _, out var error);

        Assert.Equal(SapientStatus.InvalidData, status);
        Assert.Equal(new SapientError(SapientErrorCode.FrameTooLong, 0, "length", 5000, 5001), error);
    }

    [Fact]
    public void TryReadFrame_LengthWithTheTopBitSet_IsFrameTooLongNotNegative()
    {
        var status = SapientFrameReader.TryReadFrame([0xFF, 0xFF, 0xFF, 0xFF, 0x0A], Max, out _, out _, out var error);

        Assert.Equal(SapientStatus.InvalidData, status);
        Assert.Equal(SapientErrorCode.FrameTooLong, error.Code);
        Assert.Equal(uint.MaxValue, error.Actual);
    }

    [Fact]
    public void TryReadFrame_ZeroLength_IsEmptyFrame()
    {
        var status = SapientFrameReader.TryReadFrame([0, 0, 0, 0, 0x0A], Max, out _, out _, out var error);

        Assert.Equal(SapientStatus.InvalidData, status);
        Assert.Equal(new SapientError(SapientErrorCode.EmptyFrame, 0, "length"), error);
    }

    [Fact]
    public void TryReadFrame_SequenceOfThreeFramesSplitAtOddPlaces_ReadsEachAndAdvances()
    {
        var frames = new[] { "02_registration_ack", "03_status_report_radar", "04_detection_report_uav" }.Select(GoldenFrames.Frame).ToArray();
        var stream = frames.SelectMany(f => f).ToArray();
        var buffer = Segments.Split(stream, 1, 50, 99, 100, 101, 230, 400);
        long position = 0;

        foreach (var frame in frames)
        {
            var before = buffer.Length;
            Assert.Equal(SapientStatus.Done, SapientFrameReader.TryReadFrame(ref buffer, Max, position, out var payload, out _));
            Assert.Equal(frame[4..], payload.ToArray());
            position += before - buffer.Length;
        }

        Assert.Equal(stream.Length, position);
        Assert.Equal(SapientStatus.NeedMoreData, SapientFrameReader.TryReadFrame(ref buffer, Max, position, out _, out _));
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void TryReadFrame_SequenceEndingInsideAFrame_LeavesTheBufferAlone()
    {
        var frame = GoldenFrames.Frame("03_status_report_radar");
        var buffer = Segments.Split(frame[..^1], 2, 3);

        var status = SapientFrameReader.TryReadFrame(ref buffer, Max, 0, out var payload, out _);

        Assert.Equal(SapientStatus.NeedMoreData, status);
        Assert.Equal(frame.Length - 1, buffer.Length);
        Assert.True(payload.IsEmpty);
    }

    [Fact]
    public void TryReadFrame_CorruptSecondFrame_ReportsItsStreamOffset()
    {
        var first = GoldenFrames.Frame("02_registration_ack");
        byte[] corrupt = [0x00, 0x00, 0x00, 0x80];
        var buffer = Segments.Split([.. first, .. corrupt], 2, first.Length + 1);

        Assert.Equal(SapientStatus.Done, SapientFrameReader.TryReadFrame(ref buffer, Max, 1000, out _, out _));
        var status = SapientFrameReader.TryReadFrame(ref buffer, Max, 1000 + first.Length, out _, out var error);

        Assert.Equal(SapientStatus.InvalidData, status);
        Assert.Equal(new SapientError(SapientErrorCode.FrameTooLong, 1000 + first.Length, "length", Max, 0x8000_0000), error);
        Assert.Equal(4, buffer.Length);
    }

    [Fact]
    public void TryReadSingleFrame_Truncated_SaysHowLongItShouldBe()
    {
        var frame = GoldenFrames.Frame("02_registration_ack");

        var status = SapientFrameReader.TryReadSingleFrame(frame.AsSpan(0, 50), Max, out _, out var error);

        Assert.Equal(SapientStatus.InvalidData, status);
        Assert.Equal(new SapientError(SapientErrorCode.FrameTruncated, 50, "length", frame.Length, 50), error);
    }

    [Fact]
    public void TryReadSingleFrame_TwoBytes_IsTruncatedPrefix()
    {
        var status = SapientFrameReader.TryReadSingleFrame([0x05, 0x00], Max, out _, out var error);

        Assert.Equal(SapientStatus.InvalidData, status);
        Assert.Equal(new SapientError(SapientErrorCode.FrameTruncated, 2, "length", 4, 2), error);
    }

    [Fact]
    public void TryReadSingleFrame_ExtraBytes_AreTrailingBytesAtTheFrameEnd()
    {
        var frame = GoldenFrames.Frame("02_registration_ack");

        var status = SapientFrameReader.TryReadSingleFrame([.. frame, 0x00], Max, out _, out var error);

        Assert.Equal(SapientStatus.InvalidData, status);
        Assert.Equal(new SapientError(SapientErrorCode.TrailingBytes, frame.Length, "length", frame.Length, frame.Length + 1), error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(SapientFraming.AbsoluteMaxFrameLength + 1)]
    public void TryReadFrame_MaximumOutsideItsRange_IsAProgrammingError(int max)
    {
        var buffer = new ReadOnlySequence<byte>(new byte[8]);

        Assert.Throws<ArgumentOutOfRangeException>(() => SapientFrameReader.TryReadFrame(ref buffer, max, 0, out _, out _));
    }
}

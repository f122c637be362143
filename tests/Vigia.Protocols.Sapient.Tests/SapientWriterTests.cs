using System.Buffers;
using SapientMsg.BsiFlex335V20;

namespace Vigia.Protocols.Sapient.Tests;

public sealed class SapientWriterTests
{
    [Fact]
    public void TryWriteFrame_DestinationOneByteShort_IsDestinationTooSmallAndWritesNothing()
    {
        var message = GoldenFrames.Detection();
        var length = SapientWriter.GetFrameLength(message);
        var destination = new byte[length - 1];

        var status = SapientWriter.TryWriteFrame(message, destination, out var written, out var error);

        Assert.Equal(SapientStatus.InvalidData, status);
        Assert.Equal(0, written);
        Assert.Equal(new SapientError(SapientErrorCode.DestinationTooSmall, 0, "destination", length, length - 1), error);
        Assert.All(destination, b => Assert.Equal(0, b));
    }

    [Fact]
    public void TryWriteFrame_MessageOverTheMaximum_IsFrameTooLong()
    {
        var message = GoldenFrames.Registration();
        var size = message.CalculateSize();

        var status = SapientWriter.TryWriteFrame(message, new byte[1000], out _, out var error, maxFrameLength: size - 1);

        Assert.Equal(SapientStatus.InvalidData, status);
        Assert.Equal(new SapientError(SapientErrorCode.FrameTooLong, 0, "length", size - 1, size), error);
    }

    [Fact]
    public void TryWriteFrame_EmptyMessage_IsRefusedAsTheReaderWouldRefuseIt()
    {
        var status = SapientWriter.TryWriteFrame(new SapientMessage(), new ArrayBufferWriter<byte>(), out var error);

        Assert.Equal(SapientStatus.InvalidData, status);
        Assert.Equal(SapientErrorCode.EmptyFrame, error.Code);
        Assert.Throws<ArgumentException>(() => SapientWriter.ToFrame(new SapientMessage()));
    }

    [Fact]
    public void TryWriteFrame_BufferWriter_WritesFramesBackToBackThatTheReaderSplits()
    {
        var writer = new ArrayBufferWriter<byte>();
        var messages = new[] { GoldenFrames.Message("02_registration_ack"), GoldenFrames.Detection(), GoldenFrames.Message("05_alert_zone_entry") };

        foreach (var message in messages)
        {
            Assert.Equal(SapientStatus.Done, SapientWriter.TryWriteFrame(message, writer, out _));
        }

        var stream = writer.WrittenSpan;
        foreach (var message in messages)
        {
            Assert.Equal(SapientStatus.Done, SapientFrameReader.TryReadFrame(stream, SapientFraming.DefaultMaxFrameLength, out var payload, out var consumed, out _));
            Assert.Equal(message, SapientDecoder.Decode(payload));
            Assert.Equal(SapientWriter.ToFrame(message), stream[..consumed].ToArray());
            stream = stream[consumed..];
        }

        Assert.True(stream.IsEmpty);
    }
}

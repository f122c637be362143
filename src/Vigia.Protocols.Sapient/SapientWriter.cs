using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;
using SapientMsg.BsiFlex335V20;

namespace Vigia.Protocols.Sapient;

/// <summary>
/// Writes SAPIENT frames: the 4-byte little-endian length, then the message's protobuf bytes (fields in field
/// number order, as protoc's C++ encoder writes them, so frames compare byte for byte).
/// </summary>
/// <remarks>Thread-safety: stateless; a message must not be changed while it is being written.</remarks>
public static class SapientWriter
{
    /// <summary>The whole frame size of <paramref name="message"/>, prefix included, bytes.</summary>
    public static int GetFrameLength(SapientMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return checked(SapientFraming.LengthPrefixSize + message.CalculateSize());
    }

    /// <summary>Writes one frame into <paramref name="destination"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where the frame goes.</param>
    /// <param name="written">Bytes written, or 0.</param>
    /// <param name="error"><see cref="SapientErrorCode.FrameTooLong"/>, <see cref="SapientErrorCode.EmptyFrame"/> (an empty message) or <see cref="SapientErrorCode.DestinationTooSmall"/>, else default.</param>
    /// <param name="maxFrameLength">Largest payload allowed, 1..<see cref="SapientFraming.AbsoluteMaxFrameLength"/>.</param>
    /// <returns><see cref="SapientStatus.Done"/> or <see cref="SapientStatus.InvalidData"/>.</returns>
    public static SapientStatus TryWriteFrame(
        SapientMessage message, Span<byte> destination, out int written, out SapientError error, int maxFrameLength = SapientFraming.DefaultMaxFrameLength)
    {
        ArgumentNullException.ThrowIfNull(message);
        SapientFraming.CheckMaxFrameLength(maxFrameLength, nameof(maxFrameLength));
        written = 0;
        var size = message.CalculateSize();
        if (!CheckSize(size, maxFrameLength, out error))
        {
            return SapientStatus.InvalidData;
        }

        var total = checked(SapientFraming.LengthPrefixSize + size);
        if (destination.Length < total)
        {
            error = new SapientError(SapientErrorCode.DestinationTooSmall, 0, "destination", total, destination.Length);
            return SapientStatus.InvalidData;
        }

        Write(message, destination[..total], size);
        written = total;
        return SapientStatus.Done;
    }

    /// <summary>Writes one frame into a buffer writer (for a <c>PipeWriter</c>).</summary>
    /// <returns><see cref="SapientStatus.Done"/>, or <see cref="SapientStatus.InvalidData"/> with <see cref="SapientErrorCode.FrameTooLong"/> or <see cref="SapientErrorCode.EmptyFrame"/>.</returns>
    public static SapientStatus TryWriteFrame(
        SapientMessage message, IBufferWriter<byte> writer, out SapientError error, int maxFrameLength = SapientFraming.DefaultMaxFrameLength)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(writer);
        SapientFraming.CheckMaxFrameLength(maxFrameLength, nameof(maxFrameLength));
        var size = message.CalculateSize();
        if (!CheckSize(size, maxFrameLength, out error))
        {
            return SapientStatus.InvalidData;
        }

        var total = checked(SapientFraming.LengthPrefixSize + size);
        Write(message, writer.GetSpan(total)[..total], size);
        writer.Advance(total);
        return SapientStatus.Done;
    }

    /// <summary>A new array holding one frame of <paramref name="message"/> (no length limit beyond the absolute cap).</summary>
    /// <exception cref="ArgumentException">The message is empty or larger than <see cref="SapientFraming.AbsoluteMaxFrameLength"/>.</exception>
    public static byte[] ToFrame(SapientMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var size = message.CalculateSize();
        if (!CheckSize(size, SapientFraming.AbsoluteMaxFrameLength, out var error))
        {
            throw new ArgumentException(error.Message, nameof(message));
        }

        var frame = new byte[checked(SapientFraming.LengthPrefixSize + size)];
        Write(message, frame, size);
        return frame;
    }

    private static bool CheckSize(int size, int maxFrameLength, out SapientError error)
    {
        if (size == 0)
        {
            error = new SapientError(SapientErrorCode.EmptyFrame, 0, "length");
            return false;
        }

        if (size > maxFrameLength)
        {
            error = new SapientError(SapientErrorCode.FrameTooLong, 0, "length", maxFrameLength, size);
            return false;
        }

        error = default;
        return true;
    }

    private static void Write(SapientMessage message, Span<byte> frame, int size)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)size);
        message.WriteTo(frame[SapientFraming.LengthPrefixSize..]);
    }
}

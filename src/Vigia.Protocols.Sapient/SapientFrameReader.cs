using System.Buffers;
using System.Buffers.Binary;

namespace Vigia.Protocols.Sapient;

/// <summary>
/// Splits a SAPIENT byte stream into frames (<see cref="SapientFraming"/>): the length prefix is checked against
/// the maximum before any payload is awaited, so an oversized or corrupt length fails at once instead of making
/// the reader buffer gigabytes.
/// </summary>
/// <remarks>
/// Three outcomes (house style §4.1): <see cref="SapientStatus.Done"/>, <see cref="SapientStatus.NeedMoreData"/>
/// (not an error) and <see cref="SapientStatus.InvalidData"/>. A length error means the stream has lost sync:
/// SAPIENT has no resynchronisation rule, so the caller drops the connection (§4.6). Never throws on bad bytes.
/// Thread-safety: stateless.
/// </remarks>
public static class SapientFrameReader
{
    private const string LengthField = "length";

    /// <summary>
    /// Reads the next frame from a stream buffer (for a <c>PipeReader</c>). On <see cref="SapientStatus.Done"/>
    /// <paramref name="buffer"/> is advanced past the frame; otherwise it is left as it was.
    /// </summary>
    /// <param name="buffer">Unconsumed stream bytes.</param>
    /// <param name="maxFrameLength">Largest payload accepted, 1..<see cref="SapientFraming.AbsoluteMaxFrameLength"/>.</param>
    /// <param name="streamOffset">Stream position of <paramref name="buffer"/>'s first byte, for error offsets.</param>
    /// <param name="payload">The protobuf bytes of the frame, a slice of <paramref name="buffer"/>.</param>
    /// <param name="error">Why the frame was refused, else default.</param>
    public static SapientStatus TryReadFrame(
        ref ReadOnlySequence<byte> buffer, int maxFrameLength, long streamOffset, out ReadOnlySequence<byte> payload, out SapientError error)
    {
        SapientFraming.CheckMaxFrameLength(maxFrameLength, nameof(maxFrameLength));
        payload = default;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadLittleEndian(out int raw))
        {
            error = default;
            return SapientStatus.NeedMoreData;
        }

        if (!CheckLength((uint)raw, maxFrameLength, streamOffset, out error))
        {
            return SapientStatus.InvalidData;
        }

        if (reader.Remaining < raw)
        {
            return SapientStatus.NeedMoreData;
        }

        payload = buffer.Slice(SapientFraming.LengthPrefixSize, raw);
        buffer = buffer.Slice(payload.End);
        return SapientStatus.Done;
    }

    /// <summary>
    /// Reads the next frame from the start of a contiguous buffer. On <see cref="SapientStatus.Done"/>,
    /// <paramref name="consumed"/> is the frame's whole size (prefix included).
    /// </summary>
    /// <param name="buffer">Stream bytes starting at a frame boundary.</param>
    /// <param name="maxFrameLength">Largest payload accepted, 1..<see cref="SapientFraming.AbsoluteMaxFrameLength"/>.</param>
    /// <param name="payload">The protobuf bytes of the frame.</param>
    /// <param name="consumed">Bytes the frame occupies, or 0.</param>
    /// <param name="error">Why the frame was refused, else default.</param>
    public static SapientStatus TryReadFrame(
        ReadOnlySpan<byte> buffer, int maxFrameLength, out ReadOnlySpan<byte> payload, out int consumed, out SapientError error)
    {
        SapientFraming.CheckMaxFrameLength(maxFrameLength, nameof(maxFrameLength));
        payload = default;
        consumed = 0;
        error = default;
        if (buffer.Length < SapientFraming.LengthPrefixSize)
        {
            return SapientStatus.NeedMoreData;
        }

        var raw = BinaryPrimitives.ReadUInt32LittleEndian(buffer);
        if (!CheckLength(raw, maxFrameLength, 0, out error))
        {
            return SapientStatus.InvalidData;
        }

        var length = (int)raw;
        if (buffer.Length - SapientFraming.LengthPrefixSize < length)
        {
            return SapientStatus.NeedMoreData;
        }

        payload = buffer.Slice(SapientFraming.LengthPrefixSize, length);
        consumed = checked(SapientFraming.LengthPrefixSize + length);
        return SapientStatus.Done;
    }

    /// <summary>
    /// Reads exactly one frame (a file or datagram holding one frame): anything short of the declared length is
    /// <see cref="SapientErrorCode.FrameTruncated"/>, anything after it <see cref="SapientErrorCode.TrailingBytes"/>.
    /// Returns <see cref="SapientStatus.Done"/> or <see cref="SapientStatus.InvalidData"/>, never NeedMoreData.
    /// </summary>
    public static SapientStatus TryReadSingleFrame(ReadOnlySpan<byte> frame, int maxFrameLength, out ReadOnlySpan<byte> payload, out SapientError error)
    {
        var status = TryReadFrame(frame, maxFrameLength, out payload, out var consumed, out error);
        if (status == SapientStatus.NeedMoreData)
        {
            var declared = frame.Length < SapientFraming.LengthPrefixSize ? SapientFraming.LengthPrefixSize : BinaryPrimitives.ReadUInt32LittleEndian(frame) + (long)SapientFraming.LengthPrefixSize;
            error = new SapientError(SapientErrorCode.FrameTruncated, frame.Length, LengthField, declared, frame.Length);
            return SapientStatus.InvalidData;
        }

        if (status == SapientStatus.Done && consumed != frame.Length)
        {
            payload = default;
            error = new SapientError(SapientErrorCode.TrailingBytes, consumed, LengthField, consumed, frame.Length);
            return SapientStatus.InvalidData;
        }

        return status;
    }

    private static bool CheckLength(uint length, int maxFrameLength, long offset, out SapientError error)
    {
        if (length == 0)
        {
            error = new SapientError(SapientErrorCode.EmptyFrame, offset, LengthField);
            return false;
        }

        if (length > (uint)maxFrameLength)
        {
            error = new SapientError(SapientErrorCode.FrameTooLong, offset, LengthField, maxFrameLength, length);
            return false;
        }

        error = default;
        return true;
    }
}

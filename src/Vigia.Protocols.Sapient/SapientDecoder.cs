using System.Buffers;
using Google.Protobuf;
using SapientMsg.BsiFlex335V20;

namespace Vigia.Protocols.Sapient;

/// <summary>
/// Decodes the protobuf payload of one SAPIENT frame into a <see cref="SapientMessage"/> (BSI Flex 335 v2.0).
/// Structure only: whether the message makes sense is <see cref="Validation.SapientValidator"/>'s job.
/// </summary>
/// <remarks>
/// The protobuf runtime signals bad bytes with an exception; this class contains it and turns it into a
/// <see cref="SapientError"/> with the offset and field path found by walking the wire format (cold path), so no
/// caller sees an exception for bad bytes. Thread-safety: stateless.
/// </remarks>
public static class SapientDecoder
{
    /// <summary>Decodes a contiguous payload (the bytes after the length prefix).</summary>
    /// <param name="payload">One frame's protobuf bytes.</param>
    /// <param name="message">The message on <see cref="SapientStatus.Done"/>, else null.</param>
    /// <param name="error">Why the bytes were refused, else default.</param>
    /// <returns><see cref="SapientStatus.Done"/> or <see cref="SapientStatus.InvalidData"/>.</returns>
    public static SapientStatus TryDecode(ReadOnlySpan<byte> payload, out SapientMessage message, out SapientError error)
    {
        try
        {
            message = SapientMessage.Parser.ParseFrom(payload);
            error = default;
            return SapientStatus.Done;
        }
        catch (InvalidProtocolBufferException)
        {
            message = null!;
            error = Locate(payload);
            return SapientStatus.InvalidData;
        }
    }

    /// <summary>Decodes a payload that may span several buffer segments (as a <c>PipeReader</c> gives it).</summary>
    /// <param name="payload">One frame's protobuf bytes.</param>
    /// <param name="message">The message on <see cref="SapientStatus.Done"/>, else null.</param>
    /// <param name="error">Why the bytes were refused, else default.</param>
    /// <returns><see cref="SapientStatus.Done"/> or <see cref="SapientStatus.InvalidData"/>.</returns>
    public static SapientStatus TryDecode(in ReadOnlySequence<byte> payload, out SapientMessage message, out SapientError error)
    {
        if (payload.IsSingleSegment)
        {
            return TryDecode(payload.FirstSpan, out message, out error);
        }

        try
        {
            message = SapientMessage.Parser.ParseFrom(payload);
            error = default;
            return SapientStatus.Done;
        }
        catch (InvalidProtocolBufferException)
        {
            message = null!;
            error = Locate(payload.ToArray());
            return SapientStatus.InvalidData;
        }
    }

    /// <summary>Decodes a payload or throws <see cref="SapientDecodeException"/> (tools and tests only).</summary>
    /// <exception cref="SapientDecodeException">The bytes are refused.</exception>
    public static SapientMessage Decode(ReadOnlySpan<byte> payload)
    {
        if (TryDecode(payload, out var message, out var error) != SapientStatus.Done)
        {
            SapientThrowHelper.ThrowDecode(error);
        }

        return message;
    }

    /// <summary>Reads exactly one whole frame (prefix and payload) and decodes it, or throws (tools and tests only).</summary>
    /// <exception cref="SapientDecodeException">The bytes are refused.</exception>
    public static SapientMessage DecodeFrame(ReadOnlySpan<byte> frame, int maxFrameLength = SapientFraming.DefaultMaxFrameLength)
    {
        if (SapientFrameReader.TryReadSingleFrame(frame, maxFrameLength, out var payload, out var error) != SapientStatus.Done)
        {
            SapientThrowHelper.ThrowDecode(error);
        }

        var message = Decode(payload);
        return message;
    }

    private static SapientError Locate(ReadOnlySpan<byte> payload) =>
        ProtobufWireScanner.TryScan(payload, SapientMessage.Descriptor, out var error)
            ? new SapientError(SapientErrorCode.InvalidProtobuf, 0, "message")
            : error;
}

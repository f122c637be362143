namespace Vigia.Protocols.Sapient;

/// <summary>
/// SAPIENT TCP framing constants: every message on a stream is a 4-byte unsigned little-endian length followed by
/// that many bytes of one protobuf <c>SapientMessage</c> (BSI Flex 335 v2.0, as the Dstl test harness and the Apex
/// middleware frame it).
/// </summary>
public static class SapientFraming
{
    /// <summary>Size of the length prefix, bytes.</summary>
    public const int LengthPrefixSize = 4;

    /// <summary>
    /// Default largest message (without the prefix) a reader accepts, bytes: 1 MiB. The largest Dstl example (a
    /// big Registration) is about 8 KiB; an Error message that quotes a whole packet can be larger.
    /// </summary>
    public const int DefaultMaxFrameLength = 1 << 20;

    /// <summary>The largest maximum a caller may configure, bytes: 64 MiB (a cap on what the wire can make us allocate).</summary>
    public const int AbsoluteMaxFrameLength = 64 << 20;

    /// <summary>Throws for a maximum frame length outside 1..<see cref="AbsoluteMaxFrameLength"/> (a programming error).</summary>
    internal static void CheckMaxFrameLength(int maxFrameLength, string paramName)
    {
        if (maxFrameLength is < 1 or > AbsoluteMaxFrameLength)
        {
            SapientThrowHelper.ThrowMaxFrameLength(paramName, maxFrameLength);
        }
    }
}

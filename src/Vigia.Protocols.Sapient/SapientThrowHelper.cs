using System.Diagnostics.CodeAnalysis;

namespace Vigia.Protocols.Sapient;

/// <summary>Cold-path throws (house style §4.9).</summary>
internal static class SapientThrowHelper
{
    [DoesNotReturn]
    public static void ThrowDecode(SapientError error) => throw new SapientDecodeException(error);

    [DoesNotReturn]
    public static void ThrowMaxFrameLength(string paramName, int value) =>
        throw new ArgumentOutOfRangeException(paramName, value, $"must be 1..{SapientFraming.AbsoluteMaxFrameLength}");
}

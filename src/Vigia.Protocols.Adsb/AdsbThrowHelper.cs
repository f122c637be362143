using System.Diagnostics.CodeAnalysis;

namespace Vigia.Protocols.Adsb;

/// <summary>Cold-path throws (house style §4.9).</summary>
internal static class AdsbThrowHelper
{
    [DoesNotReturn]
    public static void ThrowDecode(DecodeStatus status, DecodeError error) => throw new ProtocolDecodeException(status, error);

    [DoesNotReturn]
    public static void ThrowOutOfRange(string paramName, string message) => throw new ArgumentOutOfRangeException(paramName, message);
}

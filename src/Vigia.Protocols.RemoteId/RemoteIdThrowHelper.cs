using System.Diagnostics.CodeAnalysis;

namespace Vigia.Protocols.RemoteId;

/// <summary>Cold-path throws (house style §4.9).</summary>
internal static class RemoteIdThrowHelper
{
    [DoesNotReturn]
    public static void ThrowDecode(DecodeStatus status, DecodeError error) => throw new ProtocolDecodeException(status, error);

    [DoesNotReturn]
    public static void ThrowDestinationTooSmall(string paramName) =>
        throw new ArgumentException("The destination must hold at least as many messages as the pack declares (9 is always enough).", paramName);
}

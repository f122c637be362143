using System.Diagnostics.CodeAnalysis;

namespace Vigia.Protocols.Asterix;

/// <summary>Cold-path throws (house style §4.9).</summary>
internal static class AsterixThrowHelper
{
    [DoesNotReturn]
    public static void ThrowDecode(DecodeStatus status, DecodeError error) => throw new ProtocolDecodeException(status, error);

    [DoesNotReturn]
    public static void ThrowItemAbsent(string item) =>
        throw new InvalidOperationException($"The record has no {item}; check the presence first.");
}

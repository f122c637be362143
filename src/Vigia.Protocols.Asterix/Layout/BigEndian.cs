using System.Buffers.Binary;

namespace Vigia.Protocols.Asterix.Layout;

/// <summary>Big-endian field reads for item accessors. Callers pass spans the walker has already bounds-checked.</summary>
internal static class BigEndian
{
    public static ushort U16(ReadOnlySpan<byte> s, int at) => BinaryPrimitives.ReadUInt16BigEndian(s[at..]);

    public static short S16(ReadOnlySpan<byte> s, int at) => BinaryPrimitives.ReadInt16BigEndian(s[at..]);

    public static uint U24(ReadOnlySpan<byte> s, int at) => (uint)((s[at] << 16) | (s[at + 1] << 8) | s[at + 2]);

    public static int S24(ReadOnlySpan<byte> s, int at) => SignExtend((int)U24(s, at), 24);

    public static uint U32(ReadOnlySpan<byte> s, int at) => BinaryPrimitives.ReadUInt32BigEndian(s[at..]);

    public static int S32(ReadOnlySpan<byte> s, int at) => BinaryPrimitives.ReadInt32BigEndian(s[at..]);

    /// <summary>Interprets the low <paramref name="bits"/> bits of <paramref name="value"/> as two's complement.</summary>
    public static int SignExtend(int value, int bits)
    {
        var shift = 32 - bits;
        return (value << shift) >> shift;
    }
}

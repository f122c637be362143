namespace Vigia.Protocols.Asterix;

/// <summary>Eight characters of 6 bits each (callsign or registration), held as the 48 bits on the wire.</summary>
/// <remarks>
/// ASTERIX I048/240, I062/245, I062/380 ID, I021/170; character set of ICAO Annex 10 Vol IV Table 3-9 (1–26 A–Z,
/// 32 space, 48–57 digits). An unset character (0, as transponders without a flight identification send) reads
/// as a space; other values outside the set read as <c>?</c>. A value with no string until display, so decoding
/// allocates nothing. Thread-safety: a value.
/// </remarks>
public readonly record struct AircraftIdentification(ulong Raw48)
{
    /// <summary>The number of characters.</summary>
    public const int Length = 8;

    /// <summary>Shown for a 6-bit value the ICAO character set leaves undefined.</summary>
    public const char InvalidCharacter = '?';

    /// <summary>Character <paramref name="index"/> (0 = first, leftmost).</summary>
    public char this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Length);
            return ToChar((int)((Raw48 >> (42 - (6 * index))) & 0x3F));
        }
    }

    /// <summary>All eight characters, trailing spaces included (allocates).</summary>
    public override string ToString() => string.Create(Length, Raw48, static (chars, raw) => Format(raw, chars));

    /// <summary>Writes the eight characters without allocating.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (destination.Length < Length)
        {
            return false;
        }

        Format(Raw48, destination);
        charsWritten = Length;
        return true;
    }

    internal static AircraftIdentification From(ReadOnlySpan<byte> s, int at)
    {
        ulong raw = 0;
        for (var i = 0; i < 6; i++)
        {
            raw = (raw << 8) | s[at + i];
        }

        return new AircraftIdentification(raw);
    }

    private static void Format(ulong raw, Span<char> chars)
    {
        for (var i = 0; i < Length; i++)
        {
            chars[i] = ToChar((int)((raw >> (42 - (6 * i))) & 0x3F));
        }
    }

    private static char ToChar(int code) => code switch
    {
        >= 1 and <= 26 => (char)('A' + code - 1),
        0 or 32 => ' ',
        >= 48 and <= 57 => (char)code,
        _ => InvalidCharacter,
    };
}

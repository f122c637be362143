namespace Vigia.Protocols.Asterix;

/// <summary>A Mode-3/A reply as its two-octet item: validity, garble and third flag bits and the 12-bit code.</summary>
/// <remarks>
/// ASTERIX I048/070, I062/060, I062/340 MDA, I021/070 (bits 16 V, 15 G, 14 L or CH, 12–1 A4…D1). The code is
/// printed as four octal digits, as on a controller's display. Thread-safety: a value.
/// </remarks>
public readonly record struct Mode3ACode(ushort RawItem)
{
    /// <summary>The code: A4 A2 A1 B4 B2 B1 C4 C2 C1 D4 D2 D1, 0 to 4095 (octal 0000 to 7777).</summary>
    public ushort Code => (ushort)(RawItem & 0x0FFF);

    /// <summary>V bit clear: the code is validated (CAT-021 has no V bit: always true there).</summary>
    public bool IsValidated => (RawItem & 0x8000) == 0;

    /// <summary>G bit: garbled code.</summary>
    public bool IsGarbled => (RawItem & 0x4000) != 0;

    /// <summary>Bit 14: L in CAT-048 I070 and CAT-062 I340 (code not extracted in the last scan / from a local tracker), CH in CAT-062 I060 (code changed).</summary>
    public bool IsLocalOrChanged => (RawItem & 0x2000) != 0;

    /// <summary>The code as four octal digits, for example <c>7700</c>.</summary>
    public override string ToString() => string.Create(4, Code, static (chars, code) => Format(code, chars));

    /// <summary>Writes the four octal digits without allocating.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (destination.Length < 4)
        {
            return false;
        }

        Format(Code, destination);
        charsWritten = 4;
        return true;
    }

    private static void Format(ushort code, Span<char> chars)
    {
        for (var i = 3; i >= 0; i--)
        {
            chars[i] = (char)('0' + (code & 7));
            code >>= 3;
        }
    }
}

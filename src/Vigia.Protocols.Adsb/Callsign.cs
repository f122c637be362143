using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Vigia.Protocols.Adsb;

/// <summary>
/// The 8-character aircraft identification of an identification message (flight number or registration), as
/// ASCII, trailing spaces included. Characters outside the 6-bit set are kept as <c>'#'</c> and flagged.
/// </summary>
/// <remarks>
/// ICAO Annex 10 Vol IV Table 3-9 (the IA-5 subset of §3.1.2.9.1.2): 1–26 = A–Z, 32 = space, 48–57 = 0–9; the
/// other 6-bit values are not assigned. A value with inline storage: no string until <see cref="ToString"/>.
/// Thread-safety: an immutable value.
/// </remarks>
public readonly struct Callsign : IEquatable<Callsign>
{
    /// <summary>Characters in an identification.</summary>
    public const int Length = 8;

    private readonly CallsignBytes _chars;

    private Callsign(CallsignBytes chars, bool hasInvalidCharacters)
    {
        _chars = chars;
        HasInvalidCharacters = hasInvalidCharacters;
    }

    /// <summary>True when some 6-bit code was not an assigned character (it reads as <c>'#'</c>).</summary>
    public bool HasInvalidCharacters { get; }

    /// <summary>True when all eight characters are spaces (or this is the default value).</summary>
    public bool IsBlank
    {
        get
        {
            ReadOnlySpan<byte> chars = _chars;
            return chars.IndexOfAnyExcept((byte)' ', (byte)0) < 0;
        }
    }

    /// <summary>The 8 ASCII bytes, trailing spaces included.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> Ascii => _chars;

    /// <summary>Decodes the eight 6-bit characters held in the low 48 bits of <paramref name="bits48"/>, first character highest.</summary>
    public static Callsign FromSixBitCharacters(ulong bits48)
    {
        var chars = default(CallsignBytes);
        var invalid = false;
        for (var i = 0; i < Length; i++)
        {
            var code = (int)((bits48 >> (42 - (6 * i))) & 0x3F);
            var c = code switch
            {
                >= 1 and <= 26 => (byte)('A' + code - 1),
                32 => (byte)' ',
                >= 48 and <= 57 => (byte)code,
                _ => (byte)'#',
            };
            invalid |= c == '#';
            chars[i] = c;
        }

        return new Callsign(chars, invalid);
    }

    /// <summary>The identification without trailing spaces, e.g. <c>KLM1023</c> (allocates; display only).</summary>
    public override string ToString() => Encoding.ASCII.GetString(Ascii).TrimEnd(' ', '\0');

    /// <inheritdoc />
    public bool Equals(Callsign other) => Ascii.SequenceEqual(other.Ascii);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Callsign other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(Ascii);
        return hash.ToHashCode();
    }

    /// <summary>Equality of the eight characters.</summary>
    public static bool operator ==(Callsign left, Callsign right) => left.Equals(right);

    /// <summary>Inequality of the eight characters.</summary>
    public static bool operator !=(Callsign left, Callsign right) => !left.Equals(right);
}

using System.Globalization;

namespace Vigia.Protocols.Adsb;

/// <summary>A 24-bit Mode S aircraft address (ICAO Annex 10 Vol III Part I §9.1, "AA"), shown as 6 hex digits.</summary>
/// <remarks>A value, not a string, until display (house style §5). Thread-safety: an immutable value.</remarks>
public readonly record struct IcaoAddress
{
    /// <summary>The largest address: 24 bits.</summary>
    public const uint MaxValue = 0xFFFFFF;

    /// <summary>Creates an address; bits above the 24th are dropped.</summary>
    public IcaoAddress(uint value) => Value = value & MaxValue;

    /// <summary>The address, 0..0xFFFFFF.</summary>
    public uint Value { get; }

    /// <summary>Parses 6 hex digits (either case).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out IcaoAddress address)
    {
        address = default;
        if (text.Length != 6 || !uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        address = new IcaoAddress(value);
        return true;
    }

    /// <summary>Six upper-case hex digits, e.g. <c>4840D6</c> (allocates; display only).</summary>
    public override string ToString() => Value.ToString("X6", CultureInfo.InvariantCulture);
}

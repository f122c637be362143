namespace Vigia.Protocols.Adsb;

/// <summary>Aircraft identification and category message, ES type codes 1–4 (BDS 0,8).</summary>
/// <remarks>
/// DO-260B §2.2.3.2.5 / ICAO Doc 9871 Table A-2-8: ME bits 1–5 type code, 6–8 emitter category, 9–56 eight
/// 6-bit characters. The category set depends on the type code: TC 4 = set A (aircraft), TC 3 = set B (gliders,
/// balloons, UAVs…), TC 2 = set C (surface vehicles, obstacles), TC 1 = set D (reserved).
/// Thread-safety: an immutable value.
/// </remarks>
public readonly record struct AircraftIdentification
{
    /// <summary>The type code, 1–4 (selects the category set).</summary>
    public byte TypeCode { get; init; }

    /// <summary>The emitter category 0–7 within the set of <see cref="TypeCode"/>; 0 = no category information.</summary>
    public byte Category { get; init; }

    /// <summary>The aircraft identification (callsign).</summary>
    public Callsign Callsign { get; init; }

    /// <summary>The category as the usual letter-digit label: set A–D by type code 4–1, then the category, e.g. <c>A3</c>; null for a Comm-B identification (no category).</summary>
    public string? CategoryLabel => TypeCode is >= 1 and <= 4 ? new([(char)('A' + 4 - TypeCode), (char)('0' + Category)]) : null;
}

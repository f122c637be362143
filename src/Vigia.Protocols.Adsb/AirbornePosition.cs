namespace Vigia.Protocols.Adsb;

/// <summary>Airborne position message, ES type codes 9–18 (barometric altitude) and 20–22 (GNSS height) (BDS 0,5).</summary>
/// <remarks>
/// DO-260B §2.2.3.2.3 / ICAO Doc 9871 Table A-2-5: ME bits 1–5 type code, 6–7 surveillance status, 8 single
/// antenna flag (NIC supplement-B from version 2), 9–20 altitude, 21 time flag T, 22 CPR format F, 23–39
/// encoded latitude, 40–56 encoded longitude. The position itself needs a second frame or a reference: see
/// <see cref="CprDecoder"/> and <see cref="AircraftStateTable"/>. Thread-safety: an immutable value.
/// </remarks>
public readonly record struct AirbornePosition
{
    /// <summary>The type code: 9–18 barometric, 20–22 GNSS; it also gives NUCp (version 0) or NIC.</summary>
    public byte TypeCode { get; init; }

    /// <summary>Surveillance status (0 none, 1 permanent alert, 2 temporary alert, 3 SPI).</summary>
    public byte SurveillanceStatus { get; init; }

    /// <summary>ME bit 8: single antenna flag (versions 0–1) or NIC supplement-B (version 2).</summary>
    public bool SingleAntennaFlag { get; init; }

    /// <summary>ME bit 21: the time of applicability is synchronised to UTC (T flag).</summary>
    public bool UtcSynchronised { get; init; }

    /// <summary>Even or odd CPR grid.</summary>
    public CprFormat Format { get; init; }

    /// <summary>The 17-bit encoded latitude YZ (0..131071).</summary>
    public int EncodedLatitude { get; init; }

    /// <summary>The 17-bit encoded longitude XZ (0..131071).</summary>
    public int EncodedLongitude { get; init; }

    /// <summary>The raw 12-bit altitude field (AC12).</summary>
    public ushort RawAltitude { get; init; }

    /// <summary>Pressure altitude, feet (standard atmosphere, 1013.25 hPa), for type codes 9–18; null when not available.</summary>
    public int? BarometricAltitudeFeet { get; init; }

    /// <summary>
    /// GNSS height above the WGS-84 ellipsoid (HAE), metres, for type codes 20–22; null when not available. The
    /// field is read as an unsigned binary count of metres, as The 1090 MHz Riddle (§ airborne position) and
    /// pyModeS read it.
    /// </summary>
    public int? GnssHeightMeters { get; init; }

    /// <summary>True for type codes 20–22 (GNSS height instead of barometric altitude).</summary>
    public bool IsGnssHeight => TypeCode is >= 20 and <= 22;

    /// <summary>
    /// Navigation uncertainty category for position of a version 0 transponder, implied by the type code
    /// (DO-260 Table 2-14): TC 9 → 9 … TC 18 → 0; TC 20 → 9, 21 → 8, 22 → 0.
    /// </summary>
    public byte NavigationUncertaintyCategory => TypeCode switch
    {
        >= 9 and <= 18 => (byte)(18 - TypeCode),
        20 => 9,
        21 => 8,
        _ => 0,
    };
}

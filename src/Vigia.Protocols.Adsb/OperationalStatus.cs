namespace Vigia.Protocols.Adsb;

/// <summary>Aircraft operational status message, ES type code 31 (BDS 6,5), subtypes 0 (airborne) and 1 (surface).</summary>
/// <remarks>
/// DO-260B §2.2.3.2.7.2 / ICAO Doc 9871 Table A-2-101: ME bits 6–8 subtype, 41–43 ADS-B version number,
/// 44 NIC supplement-A, 45–48 NACp, 51–52 SIL. Version 0 transponders use another layout after bit 40 and
/// carry no NACp there, so <see cref="NavigationAccuracyPosition"/> is null for them. Thread-safety: an immutable value.
/// </remarks>
public readonly record struct OperationalStatus
{
    /// <summary>Subtype: 0 airborne, 1 surface.</summary>
    public byte Subtype { get; init; }

    /// <summary>ADS-B version number: 0 (DO-260), 1 (DO-260A), 2 (DO-260B).</summary>
    public byte Version { get; init; }

    /// <summary>NIC supplement-A (versions 1 and 2); false for version 0.</summary>
    public bool NicSupplementA { get; init; }

    /// <summary>
    /// Navigation accuracy category for position, 0–11 (versions 1 and 2); null for version 0. Its 95 % horizontal
    /// bound (EPU) is <see cref="EstimatedPositionUncertaintyMeters"/>.
    /// </summary>
    public byte? NavigationAccuracyPosition { get; init; }

    /// <summary>Source integrity level, 0–3 (versions 1 and 2); null for version 0.</summary>
    public byte? SourceIntegrityLevel { get; init; }

    /// <summary>
    /// The horizontal 95 % accuracy bound (EPU), metres, of a NACp (DO-260B Table 2-70): 1 &lt; 10 NM,
    /// 2 &lt; 4 NM, 3 &lt; 2 NM, 4 &lt; 1 NM, 5 &lt; 0.5 NM, 6 &lt; 0.3 NM, 7 &lt; 0.1 NM, 8 &lt; 0.05 NM, 9 &lt; 30 m,
    /// 10 &lt; 10 m, 11 &lt; 3 m; null for 0 (unknown) and the reserved 12–15.
    /// </summary>
    public static double? EstimatedPositionUncertaintyMeters(int nacp) => nacp switch
    {
        1 => 10 * MetersPerNauticalMile,
        2 => 4 * MetersPerNauticalMile,
        3 => 2 * MetersPerNauticalMile,
        4 => 1 * MetersPerNauticalMile,
        5 => 0.5 * MetersPerNauticalMile,
        6 => 0.3 * MetersPerNauticalMile,
        7 => 0.1 * MetersPerNauticalMile,
        8 => 0.05 * MetersPerNauticalMile,
        9 => 30.0,
        10 => 10.0,
        11 => 3.0,
        _ => null,
    };

    private const double MetersPerNauticalMile = 1852.0;
}

namespace Vigia.Protocols.Adsb;

/// <summary>Surface position message, ES type codes 5–8 (BDS 0,6).</summary>
/// <remarks>
/// DO-260B §2.2.3.2.4 / ICAO Doc 9871 Table A-2-6: ME bits 1–5 type code, 6–12 movement (quantised ground
/// speed), 13 ground track status, 14–20 ground track (360/128°), 21 time flag T, 22 CPR format F, 23–39
/// encoded latitude, 40–56 encoded longitude. Thread-safety: an immutable value.
/// </remarks>
public readonly record struct SurfacePosition
{
    /// <summary>The type code, 5–8.</summary>
    public byte TypeCode { get; init; }

    /// <summary>The raw 7-bit movement code (0 no information, 1 stopped, 2–124 speed bands, 125–127 reserved).</summary>
    public byte Movement { get; init; }

    /// <summary>Ground speed, knots, from the movement code (lower edge of its band); 0 when stopped; null when not available or reserved.</summary>
    public double? GroundSpeedKnots { get; init; }

    /// <summary>Ground track, degrees clockwise from true north, when the status bit says it is valid; else null.</summary>
    public double? GroundTrackDegrees { get; init; }

    /// <summary>ME bit 21: UTC-synchronised (T flag).</summary>
    public bool UtcSynchronised { get; init; }

    /// <summary>Even or odd CPR grid.</summary>
    public CprFormat Format { get; init; }

    /// <summary>The 17-bit encoded latitude YZ.</summary>
    public int EncodedLatitude { get; init; }

    /// <summary>The 17-bit encoded longitude XZ.</summary>
    public int EncodedLongitude { get; init; }

    /// <summary>
    /// Ground speed of a movement code (DO-260B Table 2-15, quantisation bands): 1 stopped (0 kt); 2–8 from
    /// 0.125 kt by 0.125; 9–12 from 1 kt by 0.25; 13–38 from 2 kt by 0.5; 39–93 from 15 kt by 1; 94–108 from 70 kt
    /// by 2; 109–123 from 100 kt by 5; 124 ≥ 175 kt; 0 and 125–127 give null.
    /// </summary>
    public static double? GroundSpeedOfMovement(int movement) => movement switch
    {
        1 => 0.0,
        >= 2 and <= 8 => 0.125 * (movement - 1),
        >= 9 and <= 12 => 1.0 + (0.25 * (movement - 9)),
        >= 13 and <= 38 => 2.0 + (0.5 * (movement - 13)),
        >= 39 and <= 93 => 15.0 + (movement - 39),
        >= 94 and <= 108 => 70.0 + (2.0 * (movement - 94)),
        >= 109 and <= 123 => 100.0 + (5.0 * (movement - 109)),
        124 => 175.0,
        _ => null,
    };
}

namespace Vigia.Protocols.Adsb;

/// <summary>Airborne velocity message, ES type code 19 (BDS 0,9), subtypes 1–4.</summary>
/// <remarks>
/// DO-260B §2.2.3.2.6 / ICAO Doc 9871 Table A-2-9: ME bits 6–8 subtype, 9 intent change, 10 IFR capability,
/// 11–13 NACv (NUCr in version 0); subtypes 1/2 (ground speed, 2 = supersonic ×4): 14 east-west direction,
/// 15–24 east-west speed, 25 north-south direction, 26–35 north-south speed; subtypes 3/4 (airspeed, 4 =
/// supersonic ×4): 14 heading status, 15–24 magnetic heading (360/1024°), 25 airspeed type, 26–35 airspeed; then
/// 36 vertical rate source, 37 sign (1 = down), 38–46 vertical rate (64 ft/min steps), 49 sign of the GNSS −
/// baro difference (1 = GNSS below baro), 50–56 difference (25 ft steps). Every count is value + 1; 0 means
/// "no information". Thread-safety: an immutable value.
/// </remarks>
public readonly record struct AirborneVelocity
{
    /// <summary>Subtype 1–4.</summary>
    public byte Subtype { get; init; }

    /// <summary>True for subtypes 2 and 4 (speeds in 4-knot steps).</summary>
    public bool IsSupersonic => Subtype is 2 or 4;

    /// <summary>ME bit 9: intent change flag.</summary>
    public bool IntentChange { get; init; }

    /// <summary>ME bit 10: IFR capability flag (versions 0–1).</summary>
    public bool IfrCapability { get; init; }

    /// <summary>ME bits 11–13: navigation accuracy category for velocity (NACv; NUCr in version 0).</summary>
    public byte NavigationAccuracyVelocity { get; init; }

    /// <summary>Subtypes 1/2: velocity towards east, knots (negative = west); null when not available.</summary>
    public int? EastVelocityKnots { get; init; }

    /// <summary>Subtypes 1/2: velocity towards north, knots (negative = south); null when not available.</summary>
    public int? NorthVelocityKnots { get; init; }

    /// <summary>Subtypes 1/2: ground speed, knots, from the two components; null unless both are available.</summary>
    public double? GroundSpeedKnots => EastVelocityKnots is { } east && NorthVelocityKnots is { } north
        ? Math.Sqrt((double)(east * east) + (north * north))
        : null;

    /// <summary>Subtypes 1/2: track over ground, degrees clockwise from true north [0, 360); null unless both components are available.</summary>
    public double? TrackDegrees => EastVelocityKnots is { } east && NorthVelocityKnots is { } north
        ? NormaliseDegrees(Math.Atan2(east, north) * (180.0 / Math.PI))
        : null;

    /// <summary>Subtypes 3/4: magnetic heading, degrees [0, 360), when the heading status bit is set; else null.</summary>
    public double? MagneticHeadingDegrees { get; init; }

    /// <summary>Subtypes 3/4: airspeed, knots; null when not available.</summary>
    public int? AirspeedKnots { get; init; }

    /// <summary>Subtypes 3/4: which airspeed <see cref="AirspeedKnots"/> is.</summary>
    public AirspeedType AirspeedType { get; init; }

    /// <summary>Vertical rate, feet per minute, up positive; null when not available.</summary>
    public int? VerticalRateFeetPerMinute { get; init; }

    /// <summary>Source of <see cref="VerticalRateFeetPerMinute"/>.</summary>
    public VerticalRateSource VerticalRateSource { get; init; }

    /// <summary>GNSS height minus barometric altitude, feet; null when not available.</summary>
    public int? GnssMinusBarometricFeet { get; init; }

    private static double NormaliseDegrees(double degrees) => degrees < 0 ? degrees + 360.0 : degrees;
}

namespace Vigia.Protocols.RemoteId;

/// <summary>Location/Vector message (type 0x1): position, speeds and accuracies of the UA.</summary>
/// <remarks>
/// ASTM F3411-22a §5.4.5.5 Table 6 / ASD-STAN EN 4709-002. Physical values are what the reference
/// opendroneid-core-c decoder gives, sentinels included (direction 361°, speed 255 m/s, vertical speed 63 m/s,
/// altitude −1000 m, timestamp 65535); turning those into "absent" is the domain mapping's job. The encoder
/// reads the physical values only; <c>Raw*</c> members are filled by the decoder for audit.
/// Altitudes are WGS-84 (geodetic) or barometric (pressure altitude, 29.92 inHg) in metres.
/// </remarks>
public struct LocationMessage
{
    /// <summary>Operational status.</summary>
    public OperationalStatus Status { get; init; }

    /// <summary>What <see cref="HeightMeters"/> is measured from.</summary>
    public HeightReference HeightType { get; init; }

    /// <summary>Track direction, degrees clockwise from true north (0..359; 361 = unknown).</summary>
    public float DirectionDegrees { get; init; }

    /// <summary>Ground speed, m/s (0..254.25; 255 = unknown).</summary>
    public float SpeedHorizontalMetersPerSecond { get; init; }

    /// <summary>Vertical speed, m/s, up positive (−62..62; 63 = unknown).</summary>
    public float SpeedVerticalMetersPerSecond { get; init; }

    /// <summary>WGS-84 latitude, degrees (raw / 1e7).</summary>
    public double LatitudeDegrees { get; init; }

    /// <summary>WGS-84 longitude, degrees (raw / 1e7).</summary>
    public double LongitudeDegrees { get; init; }

    /// <summary>Pressure altitude, metres (−1000 = unknown).</summary>
    public float AltitudeBaroMeters { get; init; }

    /// <summary>Geodetic (WGS-84 HAE) altitude, metres (−1000 = unknown).</summary>
    public float AltitudeGeoMeters { get; init; }

    /// <summary>Height above take-off or ground (see <see cref="HeightType"/>), metres (−1000 = unknown).</summary>
    public float HeightMeters { get; init; }

    /// <summary>Horizontal accuracy category (F3411 Table 8; 0 unknown .. 12 &lt; 1 m; 13..15 reserved).</summary>
    public byte HorizontalAccuracy { get; init; }

    /// <summary>Vertical (geodetic) accuracy category (0 unknown .. 6 &lt; 1 m; 7..15 reserved).</summary>
    public byte VerticalAccuracy { get; init; }

    /// <summary>Barometric altitude accuracy category (same table as vertical).</summary>
    public byte BarometricAccuracy { get; init; }

    /// <summary>Speed accuracy category (0 unknown .. 4 &lt; 0.3 m/s; 5..15 reserved).</summary>
    public byte SpeedAccuracy { get; init; }

    /// <summary>Timestamp accuracy in tenths of a second (0 = unknown, 1..15 = 0.1..1.5 s).</summary>
    public byte TimestampAccuracy { get; init; }

    /// <summary>Time of the position, seconds after the full hour (UTC), 0..3600 in 0.1 s; 65535 = unknown.</summary>
    public float TimestampSecondsAfterHour { get; init; }

    /// <summary>Raw direction byte (audit).</summary>
    public byte RawDirection { get; init; }

    /// <summary>Raw E/W direction segment bit: direction = raw + 180 when set (audit).</summary>
    public bool EastWestDirection { get; init; }

    /// <summary>Raw horizontal speed byte (audit).</summary>
    public byte RawSpeedHorizontal { get; init; }

    /// <summary>Raw speed multiplier bit: 0 → raw × 0.25, 1 → raw × 0.75 + 63.75 (audit).</summary>
    public bool SpeedMultiplier { get; init; }

    /// <summary>Raw vertical speed (× 0.5 m/s) (audit).</summary>
    public sbyte RawSpeedVertical { get; init; }

    /// <summary>Raw latitude (degrees × 1e7) (audit).</summary>
    public int RawLatitude { get; init; }

    /// <summary>Raw longitude (degrees × 1e7) (audit).</summary>
    public int RawLongitude { get; init; }

    /// <summary>Raw pressure altitude ((m + 1000) × 2) (audit).</summary>
    public ushort RawAltitudeBaro { get; init; }

    /// <summary>Raw geodetic altitude ((m + 1000) × 2) (audit).</summary>
    public ushort RawAltitudeGeo { get; init; }

    /// <summary>Raw height ((m + 1000) × 2) (audit).</summary>
    public ushort RawHeight { get; init; }

    /// <summary>Raw timestamp (tenths of a second after the hour; 0xFFFF unknown) (audit).</summary>
    public ushort RawTimestamp { get; init; }

    /// <summary>Raw reserved bit 3 of byte 1 (audit).</summary>
    public byte RawReserved { get; init; }

    /// <summary>Raw reserved high nibble of byte 23 (audit).</summary>
    public byte RawReserved2 { get; init; }

    /// <summary>Raw reserved byte 24 (audit).</summary>
    public byte RawReserved3 { get; init; }
}

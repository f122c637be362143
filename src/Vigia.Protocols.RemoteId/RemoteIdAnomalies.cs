namespace Vigia.Protocols.RemoteId;

/// <summary>
/// Reason codes for what a decoded message says that the standard does not allow. The decoder still reports
/// the values (as the reference opendroneid-core-c does); these flags say why they look wrong.
/// </summary>
/// <remarks>Ranges from ASTM F3411-22a §5.4.5 Tables 4..11. Plausibility beyond the format lives in Sensors.</remarks>
[Flags]
public enum RemoteIdAnomalies : ulong
{
    /// <summary>Nothing unusual.</summary>
    None = 0,

    /// <summary>Protocol version nibble is not 0 (F3411-19), 1 (ASD-STAN / F3411-20) or 2 (F3411-22a).</summary>
    UnknownProtocolVersion = 1UL << 0,

    /// <summary>A reserved bit or reserved byte is not zero.</summary>
    ReservedBitsSet = 1UL << 1,

    /// <summary>Basic ID "ID Type" is a reserved value (5..15).</summary>
    ReservedIdType = 1UL << 2,

    /// <summary>Location "Status" is a reserved value (5..15).</summary>
    ReservedStatus = 1UL << 3,

    /// <summary>An accuracy enumeration (horizontal, vertical, baro, speed) is a reserved value.</summary>
    ReservedAccuracy = 1UL << 4,

    /// <summary>Track direction decodes to 360° or more and is not the 361° "unknown" value.</summary>
    DirectionOutOfRange = 1UL << 5,

    /// <summary>A value is encoded in a form the encoding rules do not produce (direction ≥ 180 without the E/W bit, speed 63.75 m/s with multiplier 0).</summary>
    NonCanonicalEncoding = 1UL << 6,

    /// <summary>Vertical speed is outside −62..62 m/s and is not the 63 m/s "unknown" value.</summary>
    SpeedVerticalOutOfRange = 1UL << 7,

    /// <summary>Latitude (UA or operator) is outside −90..90°.</summary>
    LatitudeOutOfRange = 1UL << 8,

    /// <summary>Longitude (UA or operator) is outside −180..180°.</summary>
    LongitudeOutOfRange = 1UL << 9,

    /// <summary>Location timestamp is over 3600.0 s after the hour and is not the 0xFFFF "unknown" value.</summary>
    TimestampOutOfRange = 1UL << 10,

    /// <summary>Authentication type is a reserved value (6..9).</summary>
    ReservedAuthenticationType = 1UL << 11,

    /// <summary>Self-ID description type is a reserved value (3..200).</summary>
    ReservedDescriptionType = 1UL << 12,

    /// <summary>System operator location type is the reserved value 3.</summary>
    ReservedOperatorLocationType = 1UL << 13,

    /// <summary>System classification type is a reserved value (2..7).</summary>
    ReservedClassificationType = 1UL << 14,

    /// <summary>EU category is a reserved value (4..15).</summary>
    ReservedEuCategory = 1UL << 15,

    /// <summary>EU class is a reserved value (8..15).</summary>
    ReservedEuClass = 1UL << 16,

    /// <summary>Operator ID type is a reserved value (1..200).</summary>
    ReservedOperatorIdType = 1UL << 17,

    /// <summary>A message pack is followed by non-zero bytes beyond its declared message count.</summary>
    PackTrailingData = 1UL << 20,

    /// <summary>A message inside a pack failed to decode; as in the reference, it is dropped and the pack kept.</summary>
    PackMessageDropped = 1UL << 21,

    /// <summary>A message pack repeats a Basic ID type or an authentication page; the later one replaces the earlier one.</summary>
    PackEntryOverwritten = 1UL << 22,
}

namespace Vigia.Protocols.RemoteId;

/// <summary>System message (type 0x4): operator position, operating area, EU classification, time.</summary>
/// <remarks>
/// ASTM F3411-22a §5.4.5.8 Table 11 / ASD-STAN EN 4709-002. Byte 1: reserved (bits 7..5), classification type
/// (4..2), operator location type (1..0); 2..5 operator latitude, 6..9 longitude (× 1e7); 10..11 area count;
/// 12 area radius (× 10 m); 13..14 ceiling, 15..16 floor, 18..19 operator altitude ((m + 1000) × 2); 17 EU
/// category | class; 20..23 timestamp (s since 2019-01-01); 24 reserved. The reference decodes every
/// protocol version with this layout (F3411-19 left the later fields zero).
/// </remarks>
public struct SystemMessage
{
    /// <summary>Where the operator position comes from.</summary>
    public OperatorLocationType OperatorLocationType { get; init; }

    /// <summary>Classification type (selects the EU fields).</summary>
    public ClassificationType ClassificationType { get; init; }

    /// <summary>Operator WGS-84 latitude, degrees.</summary>
    public double OperatorLatitudeDegrees { get; init; }

    /// <summary>Operator WGS-84 longitude, degrees.</summary>
    public double OperatorLongitudeDegrees { get; init; }

    /// <summary>Number of aircraft in the operating area.</summary>
    public ushort AreaCount { get; init; }

    /// <summary>Operating area radius, metres (raw × 10).</summary>
    public ushort AreaRadiusMeters { get; init; }

    /// <summary>Operating area ceiling, geodetic metres (−1000 = unknown).</summary>
    public float AreaCeilingMeters { get; init; }

    /// <summary>Operating area floor, geodetic metres (−1000 = unknown).</summary>
    public float AreaFloorMeters { get; init; }

    /// <summary>EU category.</summary>
    public EuCategory CategoryEu { get; init; }

    /// <summary>EU class.</summary>
    public EuClass ClassEu { get; init; }

    /// <summary>Operator geodetic altitude (WGS-84 HAE), metres (−1000 = unknown).</summary>
    public float OperatorAltitudeGeoMeters { get; init; }

    /// <summary>Seconds since 2019-01-01T00:00:00Z.</summary>
    public uint TimestampSecondsSince2019 { get; init; }

    /// <summary>Raw operator latitude (× 1e7) (audit).</summary>
    public int RawOperatorLatitude { get; init; }

    /// <summary>Raw operator longitude (× 1e7) (audit).</summary>
    public int RawOperatorLongitude { get; init; }

    /// <summary>Raw area radius (× 10 m) (audit).</summary>
    public byte RawAreaRadius { get; init; }

    /// <summary>Raw area ceiling (audit).</summary>
    public ushort RawAreaCeiling { get; init; }

    /// <summary>Raw area floor (audit).</summary>
    public ushort RawAreaFloor { get; init; }

    /// <summary>Raw operator altitude (audit).</summary>
    public ushort RawOperatorAltitudeGeo { get; init; }

    /// <summary>Raw reserved bits 7..5 of byte 1 (audit).</summary>
    public byte RawReserved { get; init; }

    /// <summary>Raw reserved byte 24 (audit).</summary>
    public byte RawReserved2 { get; init; }
}

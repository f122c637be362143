using Vigia.Core.Time;

namespace Vigia.Protocols.Adsb;

/// <summary>A resolved aircraft position: WGS-84 latitude and longitude, when, how, and from which message type.</summary>
/// <remarks>Thread-safety: an immutable value.</remarks>
public readonly record struct AircraftPosition
{
    /// <summary>WGS-84 latitude, degrees.</summary>
    public double LatitudeDegrees { get; init; }

    /// <summary>WGS-84 longitude, degrees, [−180, 180).</summary>
    public double LongitudeDegrees { get; init; }

    /// <summary>The time given with the message that produced it.</summary>
    public Timestamp Time { get; init; }

    /// <summary>How the CPR was resolved.</summary>
    public PositionMethod Method { get; init; }

    /// <summary>True for a surface position (type codes 5–8).</summary>
    public bool IsSurface { get; init; }

    /// <summary>The type code of the position message (gives NUCp for version 0, NIC with the supplements otherwise).</summary>
    public byte TypeCode { get; init; }
}

using Vigia.Core.Time;

namespace Vigia.Protocols.Adsb;

/// <summary>What an <see cref="AircraftStateTable"/> knows about one aircraft: a snapshot, copied out.</summary>
/// <remarks>Thread-safety: an immutable value.</remarks>
public readonly record struct AircraftState
{
    /// <summary>The aircraft address.</summary>
    public IcaoAddress Address { get; init; }

    /// <summary>The qualifier of the address as last received in clear (ICAO, non-ICAO, TIS-B, ADS-R).</summary>
    public AddressQualifier AddressQualifier { get; init; }

    /// <summary>Time of the first message.</summary>
    public Timestamp FirstSeen { get; init; }

    /// <summary>Time of the last message.</summary>
    public Timestamp LastSeen { get; init; }

    /// <summary>Messages applied.</summary>
    public long MessageCount { get; init; }

    /// <summary>The last identification message, when one was received.</summary>
    public AircraftIdentification? Identification { get; init; }

    /// <summary>Pressure altitude, feet (airborne position, DF0/4/16/20).</summary>
    public int? BarometricAltitudeFeet { get; init; }

    /// <summary>GNSS height above the WGS-84 ellipsoid, metres (position type codes 20–22).</summary>
    public int? GnssHeightMeters { get; init; }

    /// <summary>The last resolved position.</summary>
    public AircraftPosition? Position { get; init; }

    /// <summary>The last airborne velocity message.</summary>
    public AirborneVelocity? Velocity { get; init; }

    /// <summary>Time of <see cref="Velocity"/>.</summary>
    public Timestamp VelocityTime { get; init; }

    /// <summary>The last Mode A code (DF5/21).</summary>
    public int? Squawk { get; init; }

    /// <summary>The last operational status message (ADS-B version, NACp).</summary>
    public OperationalStatus? OperationalStatus { get; init; }

    /// <summary>True when the last position message was a surface one.</summary>
    public bool OnGround { get; init; }
}

namespace Vigia.Protocols.Adsb;

/// <summary>
/// One decoded Mode S reply: the header every format has (downlink format, address and how far it is trusted)
/// and the body named by <see cref="Kind"/>; the other bodies are default.
/// </summary>
/// <remarks>
/// ICAO Annex 10 Vol IV §3.1.2 (formats), ICAO Doc 9871 / RTCA DO-260B (extended squitter ME field). A value:
/// decoding allocates nothing. Thread-safety: an immutable value; copies are independent.
/// </remarks>
public readonly record struct ModeSMessage
{
    /// <summary>The downlink format.</summary>
    public DownlinkFormat DownlinkFormat { get; init; }

    /// <summary>The aircraft address (see <see cref="AddressQualifier"/> for how far to trust it).</summary>
    public IcaoAddress Address { get; init; }

    /// <summary>What the address is and whether the parity confirmed it.</summary>
    public AddressQualifier AddressQualifier { get; init; }

    /// <summary>
    /// The 3 bits after the downlink format: capability CA (DF11, DF17), control field CF (DF18), flight status
    /// FS (DF4, DF5, DF20, DF21); 0 otherwise.
    /// </summary>
    public byte Capability { get; init; }

    /// <summary>DF17/18: the extended squitter type code (ME bits 1–5); 0 otherwise.</summary>
    public byte TypeCode { get; init; }

    /// <summary>Which body is filled.</summary>
    public AdsbMessageKind Kind { get; init; }

    /// <summary>The body of an identification message.</summary>
    public AircraftIdentification Identification { get; init; }

    /// <summary>The body of an airborne position message.</summary>
    public AirbornePosition AirbornePosition { get; init; }

    /// <summary>The body of a surface position message.</summary>
    public SurfacePosition SurfacePosition { get; init; }

    /// <summary>The body of an airborne velocity message.</summary>
    public AirborneVelocity Velocity { get; init; }

    /// <summary>The body of an operational status message.</summary>
    public OperationalStatus OperationalStatus { get; init; }

    /// <summary>DF0/4/16/20: pressure altitude from the AC field, feet; null when absent or not decodable.</summary>
    public int? AltitudeFeet { get; init; }

    /// <summary>DF5/21: the Mode A code as four octal digits read as a decimal number (7700 for "7700"); null otherwise.</summary>
    public int? Squawk { get; init; }

    /// <summary>
    /// DF20/21: the aircraft identification when the Comm-B field holds register BDS 2,0 (first MB byte 0x20 and
    /// eight valid characters, ICAO Doc 9871 Table A-2-32); null otherwise. The register number is not sent, so
    /// this is the usual inference that dump1090 and pyModeS make; other registers are not interpreted.
    /// </summary>
    public AircraftIdentification? CommBIdentification { get; init; }

    /// <summary>True for a position message (airborne or surface).</summary>
    public bool IsPosition => Kind is AdsbMessageKind.AirbornePosition or AdsbMessageKind.SurfacePosition;
}

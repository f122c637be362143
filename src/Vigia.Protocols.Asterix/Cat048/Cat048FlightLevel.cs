namespace Vigia.Protocols.Asterix.Cat048;

/// <summary>I048/090 Flight Level in Binary Representation: V, G and a 14-bit flight level in 1/4 FL.</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-4 §I048/090; two's complement (ICAO allows down to −12 FL). Mode C height, not corrected
/// for QNH. Thread-safety: a value.
/// </remarks>
public readonly record struct Cat048FlightLevel(ushort RawItem)
{
    /// <summary>V bit clear: the code is validated.</summary>
    public bool IsValidated => (RawItem & 0x8000) == 0;

    /// <summary>G bit: garbled code.</summary>
    public bool IsGarbled => (RawItem & 0x4000) != 0;

    /// <summary>The flight level in quarter flight levels (two's complement, 14 bits).</summary>
    public int QuarterFlightLevels => Layout.BigEndian.SignExtend(RawItem & 0x3FFF, 14);

    /// <summary>The flight level (1 FL = 100 ft of pressure altitude).</summary>
    public double FlightLevel => QuarterFlightLevels / 4.0;

    /// <summary>The pressure altitude in feet (FL × 100).</summary>
    public double PressureAltitudeFeet => QuarterFlightLevels * 25.0;
}

namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>I062/135 Calculated Track Barometric Altitude: QNH flag and altitude in 1/4 FL.</summary>
/// <remarks>EUROCONTROL-SPEC-0149-9 §I062/135: QNH, then 15 bits two's complement, LSB 1/4 FL. Thread-safety: a value.</remarks>
public readonly record struct Cat062BarometricAltitude(ushort RawItem)
{
    /// <summary>QNH correction applied.</summary>
    public bool IsQnhCorrected => (RawItem & 0x8000) != 0;

    /// <summary>The altitude in flight levels.</summary>
    public double FlightLevel => Layout.BigEndian.SignExtend(RawItem & 0x7FFF, 15) / 4.0;
}

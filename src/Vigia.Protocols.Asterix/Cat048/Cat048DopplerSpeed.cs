namespace Vigia.Protocols.Asterix.Cat048;

/// <summary>I048/120 subfield CAL: the calculated radial Doppler speed.</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-4 §I048/120: D (doubtful), spare, CAL 10 bits two's complement, LSB 1 m/s. Positive is
/// recommended for targets moving away (implementation dependent). Thread-safety: a value.
/// </remarks>
public readonly record struct Cat048DopplerSpeed(ushort RawSubfield)
{
    /// <summary>D: the Doppler speed is doubtful.</summary>
    public bool IsDoubtful => (RawSubfield & 0x8000) != 0;

    /// <summary>The radial speed in metres per second.</summary>
    public int MetersPerSecond => Layout.BigEndian.SignExtend(RawSubfield & 0x03FF, 10);
}

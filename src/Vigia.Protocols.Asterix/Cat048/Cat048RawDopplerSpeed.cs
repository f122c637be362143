namespace Vigia.Protocols.Asterix.Cat048;

/// <summary>One repetition of I048/120 subfield RDS: raw Doppler speed, ambiguity range and transmitter frequency.</summary>
/// <remarks>EUROCONTROL-SPEC-0149-4 §I048/120 RDS: DOP, AMB (m/s) and FRQ (MHz), 16 bits each. Thread-safety: a value.</remarks>
public readonly record struct Cat048RawDopplerSpeed(ushort DopplerMetersPerSecond, ushort AmbiguityMetersPerSecond, ushort FrequencyMegahertz);

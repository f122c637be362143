namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>One part of I062/510 Composed Track Number: a system unit and its track number.</summary>
/// <remarks>EUROCONTROL-SPEC-0149-9 §I062/510: unit identification (8 bits), track number (15 bits), FX. The first part is the master. Thread-safety: a value.</remarks>
public readonly record struct Cat062ComposedTrackNumber(byte UnitIdentification, ushort TrackNumber);

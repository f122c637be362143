namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>I062/245 Target Identification: source indicator and eight characters.</summary>
/// <remarks>
/// EUROCONTROL-SPEC-0149-9 §I062/245: STI(2) spare(6), then 48 bits of ICAO 6-bit characters. STI 0 downlinked callsign
/// or registration, 1 callsign not downlinked, 2 registration not downlinked. Thread-safety: a value.
/// </remarks>
public readonly record struct Cat062TargetIdentification(int SourceIndicator, AircraftIdentification Identification);

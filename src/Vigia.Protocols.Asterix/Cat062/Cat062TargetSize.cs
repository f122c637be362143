namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>I062/270 Target Size and Orientation (1 to 3 octets): later fields are null when their octet is absent.</summary>
/// <remarks>EUROCONTROL-SPEC-0149-9 §I062/270: length (m), orientation (LSB 360°/2⁷), width (m), 7 bits each. Thread-safety: a value.</remarks>
public readonly record struct Cat062TargetSize(int LengthMeters, double? OrientationDegrees, int? WidthMeters);

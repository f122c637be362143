namespace Vigia.Protocols.Asterix.Cat034;

/// <summary>I034/100 Generic Polar Window: a range and azimuth sector relative to the radar.</summary>
/// <remarks>EUROCONTROL-SPEC-0149-2b §I034/100: ρ start/end (LSB 1/256 NM), θ start/end (LSB 360°/2¹⁶). Thread-safety: a value.</remarks>
public readonly record struct Cat034PolarWindow(double RangeStartNauticalMiles, double RangeEndNauticalMiles, double AzimuthStartDegrees, double AzimuthEndDegrees);

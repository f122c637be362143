namespace Vigia.Protocols.Asterix.Cat034;

/// <summary>I034/090 Collimation Error: averaged PSR − SSR differences in range and azimuth.</summary>
/// <remarks>EUROCONTROL-SPEC-0149-2b §I034/090: range (LSB 1/128 NM) and azimuth (LSB 360°/2¹⁴), signed octets. Thread-safety: a value.</remarks>
public readonly record struct Cat034CollimationError(double RangeErrorNauticalMiles, double AzimuthErrorDegrees);

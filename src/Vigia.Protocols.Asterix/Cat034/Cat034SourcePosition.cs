namespace Vigia.Protocols.Asterix.Cat034;

/// <summary>I034/120 3D-Position of Data Source: the radar's WGS-84 position and height.</summary>
/// <remarks>EUROCONTROL-SPEC-0149-2b §I034/120: height 16 bits signed (m), latitude and longitude 24 bits signed (LSB 180°/2²³). Thread-safety: a value.</remarks>
public readonly record struct Cat034SourcePosition(int HeightMeters, double LatitudeDegrees, double LongitudeDegrees);

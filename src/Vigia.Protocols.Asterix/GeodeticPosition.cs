namespace Vigia.Protocols.Asterix;

/// <summary>A WGS-84 latitude and longitude in degrees (north and east positive), as scaled from the item's LSB.</summary>
/// <remarks>ASTERIX I062/105, I021/130, I021/131, I034/120 and others; each record property names its LSB. Thread-safety: a value.</remarks>
public readonly record struct GeodeticPosition(double LatitudeDegrees, double LongitudeDegrees);

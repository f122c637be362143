namespace Vigia.Sensors.Sapient;

/// <summary>Why a valid DetectionReport (or a node location) could not become an observation. Counted by name.</summary>
internal enum SapientDetectionFault
{
    None = 0,

    /// <summary>UTM coordinates (not converted yet) or a coordinate system this server does not know.</summary>
    UnsupportedCoordinateSystem,

    /// <summary>A height on the WGS-84 geoid without a configured geoid model.</summary>
    NeedsGeoid,

    /// <summary>A bearing against magnetic, grid or platform north (only true north is converted).</summary>
    UnsupportedBearingDatum,

    /// <summary>A range-bearing detection from a node that has not reported its own location.</summary>
    NoNodeLocation,

    /// <summary>A range-bearing detection while no picture frame is configured.</summary>
    NoPictureFrame,

    /// <summary>A range-bearing detection without an azimuth.</summary>
    NoAzimuth,

    /// <summary>A value outside its domain or a covariance that is not positive definite after conversion.</summary>
    OutOfRange,

    /// <summary>A message timestamp outside what Vigía timestamps hold (±292 years around 1970).</summary>
    TimestampOutOfRange,
}

namespace Vigia.Core.Observations;

/// <summary>Why an observation was not used. Counted per reason by readers and the tracker.</summary>
public enum ObservationFault
{
    /// <summary>Usable.</summary>
    None = 0,

    /// <summary>A value or the sensor position is NaN or infinite.</summary>
    NonFiniteValue,

    /// <summary>A value lies outside its domain (negative range, latitude beyond ±90°, elevation beyond ±90°).</summary>
    ValueOutOfRange,

    /// <summary>The covariance is not finite, not symmetric or not positive definite.</summary>
    CovarianceNotPositiveDefinite,

    /// <summary>The observation names a sensor the reader or tracker does not know.</summary>
    UnknownSensor,

    /// <summary>The number of values does not match the measurement kind.</summary>
    WrongValueCount,

    /// <summary>The measurement kind is not one the consumer supports (e.g. geodetic without a geodetic frame origin).</summary>
    UnsupportedKind,

    /// <summary>The observation is older than the consumer's current time beyond its reorder window.</summary>
    OutOfOrder,
}

namespace Vigia.Sensors.Radar;

/// <summary>Why a well-formed record gave no observation (counted per source, never logged per record).</summary>
public enum RadarRejectReason
{
    /// <summary>No I010, or a SAC/SIC that no configured radar or track source has.</summary>
    UnknownSource = 0,

    /// <summary>No measured position (CAT-048 I040) or no WGS-84 position (CAT-062 I105).</summary>
    NoPosition,

    /// <summary>CAT-048 TYP 0: an extrapolated track position, not a detection.</summary>
    NoDetection,

    /// <summary>No time of day (CAT-048 I140, CAT-062 I070).</summary>
    NoTime,

    /// <summary>A test target (I048/020 TST) while <see cref="RadarAdapterOptions.AcceptTestTargets"/> is off.</summary>
    TestTarget,

    /// <summary>A simulated target or track while <see cref="RadarAdapterOptions.AcceptSimulated"/> is off.</summary>
    Simulated,

    /// <summary>A CAT-048 plot while no picture frame is configured.</summary>
    NoPictureFrame,

    /// <summary>A record of a category the adapter does not map (CAT-021: ADS-B has its own adapter).</summary>
    NotMapped,

    /// <summary>
    /// The values fail the observation's own checks (<see cref="Vigia.Core.Observations.Measurement.Validate"/>), for
    /// example a CAT-062 latitude beyond 90°: the decoder reports what the bytes say, plausibility is judged here.
    /// </summary>
    ImplausibleValue,
}

namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>The items of a CAT-062 edition 1.x record: bit FRN − 1 of the FSPEC (FRN 2 and 29–33 are spare).</summary>
[Flags]
#pragma warning disable CA1028 // the FSPEC of CAT-062 has 35 FRNs
public enum Cat062Items : ulong
#pragma warning restore CA1028
{
    /// <summary>No item.</summary>
    None = 0,

    /// <summary>FRN 1, I062/010 Data Source Identifier.</summary>
    DataSourceIdentifier = 1UL << 0,

    /// <summary>FRN 3, I062/015 Service Identification.</summary>
    ServiceIdentification = 1UL << 2,

    /// <summary>FRN 4, I062/070 Time of Track Information.</summary>
    TimeOfTrack = 1UL << 3,

    /// <summary>FRN 5, I062/105 Calculated Position in WGS-84 Co-ordinates.</summary>
    Wgs84Position = 1UL << 4,

    /// <summary>FRN 6, I062/100 Calculated Track Position (Cartesian).</summary>
    CartesianPosition = 1UL << 5,

    /// <summary>FRN 7, I062/185 Calculated Track Velocity (Cartesian).</summary>
    Velocity = 1UL << 6,

    /// <summary>FRN 8, I062/210 Calculated Acceleration (Cartesian).</summary>
    Acceleration = 1UL << 7,

    /// <summary>FRN 9, I062/060 Track Mode 3/A Code.</summary>
    Mode3ACode = 1UL << 8,

    /// <summary>FRN 10, I062/245 Target Identification.</summary>
    TargetIdentification = 1UL << 9,

    /// <summary>FRN 11, I062/380 Aircraft Derived Data.</summary>
    AircraftDerivedData = 1UL << 10,

    /// <summary>FRN 12, I062/040 Track Number.</summary>
    TrackNumber = 1UL << 11,

    /// <summary>FRN 13, I062/080 Track Status.</summary>
    TrackStatus = 1UL << 12,

    /// <summary>FRN 14, I062/290 System Track Update Ages.</summary>
    UpdateAges = 1UL << 13,

    /// <summary>FRN 15, I062/200 Mode of Movement.</summary>
    ModeOfMovement = 1UL << 14,

    /// <summary>FRN 16, I062/295 Track Data Ages.</summary>
    DataAges = 1UL << 15,

    /// <summary>FRN 17, I062/136 Measured Flight Level.</summary>
    MeasuredFlightLevel = 1UL << 16,

    /// <summary>FRN 18, I062/130 Calculated Track Geometric Altitude.</summary>
    GeometricAltitude = 1UL << 17,

    /// <summary>FRN 19, I062/135 Calculated Track Barometric Altitude.</summary>
    BarometricAltitude = 1UL << 18,

    /// <summary>FRN 20, I062/220 Calculated Rate of Climb/Descent.</summary>
    RateOfClimb = 1UL << 19,

    /// <summary>FRN 21, I062/390 Flight Plan Related Data.</summary>
    FlightPlanData = 1UL << 20,

    /// <summary>FRN 22, I062/270 Target Size and Orientation.</summary>
    TargetSize = 1UL << 21,

    /// <summary>FRN 23, I062/300 Vehicle Fleet Identification.</summary>
    VehicleFleetIdentification = 1UL << 22,

    /// <summary>FRN 24, I062/110 Mode 5 Data Reports and Extended Mode 1 Code.</summary>
    Mode5 = 1UL << 23,

    /// <summary>FRN 25, I062/120 Track Mode 2 Code.</summary>
    Mode2Code = 1UL << 24,

    /// <summary>FRN 26, I062/510 Composed Track Number.</summary>
    ComposedTrackNumber = 1UL << 25,

    /// <summary>FRN 27, I062/500 Estimated Accuracies.</summary>
    EstimatedAccuracies = 1UL << 26,

    /// <summary>FRN 28, I062/340 Measured Information.</summary>
    MeasuredInformation = 1UL << 27,

    /// <summary>FRN 34, RE Reserved Expansion Field.</summary>
    ReservedExpansion = 1UL << 33,

    /// <summary>FRN 35, SP Special Purpose Field.</summary>
    SpecialPurpose = 1UL << 34,
}

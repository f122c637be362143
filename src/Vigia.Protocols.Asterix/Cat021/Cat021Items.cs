namespace Vigia.Protocols.Asterix.Cat021;

/// <summary>The items of a CAT-021 edition 2.x record: bit FRN − 1 of the FSPEC (FRN 43–47 are spare).</summary>
[Flags]
#pragma warning disable CA1028 // the FSPEC of CAT-021 has 49 FRNs
public enum Cat021Items : ulong
#pragma warning restore CA1028
{
    /// <summary>No item.</summary>
    None = 0,

    /// <summary>FRN 1, I021/010 Data Source Identification.</summary>
    DataSourceIdentifier = 1UL << 0,

    /// <summary>FRN 2, I021/040 Target Report Descriptor.</summary>
    TargetReportDescriptor = 1UL << 1,

    /// <summary>FRN 3, I021/161 Track Number.</summary>
    TrackNumber = 1UL << 2,

    /// <summary>FRN 4, I021/015 Service Identification.</summary>
    ServiceIdentification = 1UL << 3,

    /// <summary>FRN 5, I021/071 Time of Applicability for Position.</summary>
    TimeOfApplicabilityPosition = 1UL << 4,

    /// <summary>FRN 6, I021/130 Position in WGS-84 Co-ordinates.</summary>
    Position = 1UL << 5,

    /// <summary>FRN 7, I021/131 High-Resolution Position in WGS-84 Co-ordinates.</summary>
    HighResolutionPosition = 1UL << 6,

    /// <summary>FRN 8, I021/072 Time of Applicability for Velocity.</summary>
    TimeOfApplicabilityVelocity = 1UL << 7,

    /// <summary>FRN 9, I021/150 Air Speed.</summary>
    AirSpeed = 1UL << 8,

    /// <summary>FRN 10, I021/151 True Airspeed.</summary>
    TrueAirspeed = 1UL << 9,

    /// <summary>FRN 11, I021/080 Target Address.</summary>
    TargetAddress = 1UL << 10,

    /// <summary>FRN 12, I021/073 Time of Message Reception for Position.</summary>
    TimeOfReceptionPosition = 1UL << 11,

    /// <summary>FRN 13, I021/074 Time of Message Reception of Position-High Precision.</summary>
    HighPrecisionTimeOfReceptionPosition = 1UL << 12,

    /// <summary>FRN 14, I021/075 Time of Message Reception for Velocity.</summary>
    TimeOfReceptionVelocity = 1UL << 13,

    /// <summary>FRN 15, I021/076 Time of Message Reception of Velocity-High Precision.</summary>
    HighPrecisionTimeOfReceptionVelocity = 1UL << 14,

    /// <summary>FRN 16, I021/140 Geometric Height.</summary>
    GeometricHeight = 1UL << 15,

    /// <summary>FRN 17, I021/090 Quality Indicators.</summary>
    QualityIndicators = 1UL << 16,

    /// <summary>FRN 18, I021/210 MOPS Version.</summary>
    MopsVersion = 1UL << 17,

    /// <summary>FRN 19, I021/070 Mode 3/A Code in Octal Representation.</summary>
    Mode3ACode = 1UL << 18,

    /// <summary>FRN 20, I021/230 Roll Angle.</summary>
    RollAngle = 1UL << 19,

    /// <summary>FRN 21, I021/145 Flight Level.</summary>
    FlightLevel = 1UL << 20,

    /// <summary>FRN 22, I021/152 Magnetic Heading.</summary>
    MagneticHeading = 1UL << 21,

    /// <summary>FRN 23, I021/200 Target Status.</summary>
    TargetStatus = 1UL << 22,

    /// <summary>FRN 24, I021/155 Barometric Vertical Rate.</summary>
    BarometricVerticalRate = 1UL << 23,

    /// <summary>FRN 25, I021/157 Geometric Vertical Rate.</summary>
    GeometricVerticalRate = 1UL << 24,

    /// <summary>FRN 26, I021/160 Airborne Ground Vector.</summary>
    AirborneGroundVector = 1UL << 25,

    /// <summary>FRN 27, I021/165 Track Angle Rate.</summary>
    TrackAngleRate = 1UL << 26,

    /// <summary>FRN 28, I021/077 Time of ASTERIX Report Transmission.</summary>
    TimeOfReportTransmission = 1UL << 27,

    /// <summary>FRN 29, I021/170 Target Identification.</summary>
    TargetIdentification = 1UL << 28,

    /// <summary>FRN 30, I021/020 Emitter Category.</summary>
    EmitterCategory = 1UL << 29,

    /// <summary>FRN 31, I021/220 Met Information.</summary>
    MetInformation = 1UL << 30,

    /// <summary>FRN 32, I021/146 Selected Altitude.</summary>
    SelectedAltitude = 1UL << 31,

    /// <summary>FRN 33, I021/148 Final State Selected Altitude.</summary>
    FinalStateSelectedAltitude = 1UL << 32,

    /// <summary>FRN 34, I021/110 Trajectory Intent.</summary>
    TrajectoryIntent = 1UL << 33,

    /// <summary>FRN 35, I021/016 Service Management.</summary>
    ServiceManagement = 1UL << 34,

    /// <summary>FRN 36, I021/008 Aircraft Operational Status.</summary>
    AircraftOperationalStatus = 1UL << 35,

    /// <summary>FRN 37, I021/271 Surface Capabilities and Characteristics.</summary>
    SurfaceCapabilities = 1UL << 36,

    /// <summary>FRN 38, I021/132 Message Amplitude.</summary>
    MessageAmplitude = 1UL << 37,

    /// <summary>FRN 39, I021/250 Mode S MB Data.</summary>
    ModeSMbData = 1UL << 38,

    /// <summary>FRN 40, I021/260 ACAS Resolution Advisory Report.</summary>
    AcasResolutionAdvisory = 1UL << 39,

    /// <summary>FRN 41, I021/400 Receiver ID.</summary>
    ReceiverId = 1UL << 40,

    /// <summary>FRN 42, I021/295 Data Ages.</summary>
    DataAges = 1UL << 41,

    /// <summary>FRN 48, RE Reserved Expansion Field.</summary>
    ReservedExpansion = 1UL << 47,

    /// <summary>FRN 49, SP Special Purpose Field.</summary>
    SpecialPurpose = 1UL << 48,
}

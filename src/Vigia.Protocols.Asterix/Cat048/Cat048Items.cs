namespace Vigia.Protocols.Asterix.Cat048;

/// <summary>The items of a CAT-048 record: bit FRN − 1 of the FSPEC, in UAP order (edition 1.31; the order is unchanged since 1.14).</summary>
[Flags]
#pragma warning disable CA1028 // the FSPEC is a bit mask of up to 28 FRNs
public enum Cat048Items : uint
#pragma warning restore CA1028
{
    /// <summary>No item.</summary>
    None = 0,

    /// <summary>FRN 1, I048/010 Data Source Identifier.</summary>
    DataSourceIdentifier = 1u << 0,

    /// <summary>FRN 2, I048/140 Time of Day.</summary>
    TimeOfDay = 1u << 1,

    /// <summary>FRN 3, I048/020 Target Report Descriptor.</summary>
    TargetReportDescriptor = 1u << 2,

    /// <summary>FRN 4, I048/040 Measured Position in Polar Co-ordinates.</summary>
    MeasuredPosition = 1u << 3,

    /// <summary>FRN 5, I048/070 Mode-3/A Code in Octal Representation.</summary>
    Mode3ACode = 1u << 4,

    /// <summary>FRN 6, I048/090 Flight Level in Binary Representation.</summary>
    FlightLevel = 1u << 5,

    /// <summary>FRN 7, I048/130 Radar Plot Characteristics.</summary>
    RadarPlotCharacteristics = 1u << 6,

    /// <summary>FRN 8, I048/220 Aircraft Address.</summary>
    AircraftAddress = 1u << 7,

    /// <summary>FRN 9, I048/240 Aircraft Identification.</summary>
    AircraftIdentification = 1u << 8,

    /// <summary>FRN 10, I048/250 BDS Register Data (Mode S MB data).</summary>
    ModeSMbData = 1u << 9,

    /// <summary>FRN 11, I048/161 Track Number.</summary>
    TrackNumber = 1u << 10,

    /// <summary>FRN 12, I048/042 Calculated Position in Cartesian Co-ordinates.</summary>
    CalculatedPosition = 1u << 11,

    /// <summary>FRN 13, I048/200 Calculated Track Velocity in Polar Co-ordinates.</summary>
    TrackVelocity = 1u << 12,

    /// <summary>FRN 14, I048/170 Track Status.</summary>
    TrackStatus = 1u << 13,

    /// <summary>FRN 15, I048/210 Track Quality.</summary>
    TrackQuality = 1u << 14,

    /// <summary>FRN 16, I048/030 Warning/Error Conditions and Target Classification.</summary>
    WarningErrorConditions = 1u << 15,

    /// <summary>FRN 17, I048/080 Mode-3/A Code Confidence Indicator.</summary>
    Mode3AConfidence = 1u << 16,

    /// <summary>FRN 18, I048/100 Mode-C Code and Code Confidence Indicator.</summary>
    ModeCCode = 1u << 17,

    /// <summary>FRN 19, I048/110 Height Measured by a 3D Radar.</summary>
    Height3D = 1u << 18,

    /// <summary>FRN 20, I048/120 Radial Doppler Speed.</summary>
    RadialDopplerSpeed = 1u << 19,

    /// <summary>FRN 21, I048/230 Communications/ACAS Capability and Flight Status.</summary>
    CommunicationsCapability = 1u << 20,

    /// <summary>FRN 22, I048/260 ACAS Resolution Advisory Report.</summary>
    AcasResolutionAdvisory = 1u << 21,

    /// <summary>FRN 23, I048/055 Mode-1 Code in Octal Representation.</summary>
    Mode1Code = 1u << 22,

    /// <summary>FRN 24, I048/050 Mode-2 Code in Octal Representation.</summary>
    Mode2Code = 1u << 23,

    /// <summary>FRN 25, I048/065 Mode-1 Code Confidence Indicator.</summary>
    Mode1Confidence = 1u << 24,

    /// <summary>FRN 26, I048/060 Mode-2 Code Confidence Indicator.</summary>
    Mode2Confidence = 1u << 25,

    /// <summary>FRN 27, SP Special Purpose Field.</summary>
    SpecialPurpose = 1u << 26,

    /// <summary>FRN 28, RE Reserved Expansion Field.</summary>
    ReservedExpansion = 1u << 27,
}

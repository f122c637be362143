namespace Vigia.Protocols.Asterix.Cat034;

/// <summary>The items of a CAT-034 record: bit FRN − 1 of the FSPEC, in UAP order (edition 1.29).</summary>
[Flags]
public enum Cat034Items
{
    /// <summary>No item.</summary>
    None = 0,

    /// <summary>FRN 1, I034/010 Data Source Identifier.</summary>
    DataSourceIdentifier = 1 << 0,

    /// <summary>FRN 2, I034/000 Message Type.</summary>
    MessageType = 1 << 1,

    /// <summary>FRN 3, I034/030 Time of Day.</summary>
    TimeOfDay = 1 << 2,

    /// <summary>FRN 4, I034/020 Sector Number.</summary>
    SectorNumber = 1 << 3,

    /// <summary>FRN 5, I034/041 Antenna Rotation Period.</summary>
    AntennaRotationPeriod = 1 << 4,

    /// <summary>FRN 6, I034/050 System Configuration and Status.</summary>
    SystemConfiguration = 1 << 5,

    /// <summary>FRN 7, I034/060 System Processing Mode.</summary>
    ProcessingMode = 1 << 6,

    /// <summary>FRN 8, I034/070 Message Count Values.</summary>
    MessageCounts = 1 << 7,

    /// <summary>FRN 9, I034/100 Generic Polar Window.</summary>
    PolarWindow = 1 << 8,

    /// <summary>FRN 10, I034/110 Data Filter.</summary>
    DataFilter = 1 << 9,

    /// <summary>FRN 11, I034/120 3D-Position of Data Source.</summary>
    DataSourcePosition = 1 << 10,

    /// <summary>FRN 12, I034/090 Collimation Error.</summary>
    CollimationError = 1 << 11,

    /// <summary>FRN 13, RE Reserved Expansion Field.</summary>
    ReservedExpansion = 1 << 12,

    /// <summary>FRN 14, SP Special Purpose Field.</summary>
    SpecialPurpose = 1 << 13,
}

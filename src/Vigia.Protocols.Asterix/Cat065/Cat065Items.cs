namespace Vigia.Protocols.Asterix.Cat065;

/// <summary>The items of a CAT-065 record: bit FRN − 1 of the FSPEC (edition 1.5; FRN 8–12 are spare).</summary>
[Flags]
public enum Cat065Items
{
    /// <summary>No item.</summary>
    None = 0,

    /// <summary>FRN 1, I065/010 Data Source Identifier.</summary>
    DataSourceIdentifier = 1 << 0,

    /// <summary>FRN 2, I065/000 Message Type.</summary>
    MessageType = 1 << 1,

    /// <summary>FRN 3, I065/015 Service Identification.</summary>
    ServiceIdentification = 1 << 2,

    /// <summary>FRN 4, I065/030 Time of Message.</summary>
    TimeOfMessage = 1 << 3,

    /// <summary>FRN 5, I065/020 Batch Number.</summary>
    BatchNumber = 1 << 4,

    /// <summary>FRN 6, I065/040 SDPS Configuration and Status.</summary>
    SdpsStatus = 1 << 5,

    /// <summary>FRN 7, I065/050 Service Status Report.</summary>
    ServiceStatusReport = 1 << 6,

    /// <summary>FRN 13, RE Reserved Expansion Field.</summary>
    ReservedExpansion = 1 << 12,

    /// <summary>FRN 14, SP Special Purpose Field.</summary>
    SpecialPurpose = 1 << 13,
}

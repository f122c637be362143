namespace Vigia.Protocols.Asterix.Cat065;

/// <summary>I065/000 Message Type (other values pass through as their number).</summary>
public enum Cat065MessageType
{
    /// <summary>1: SDPS status.</summary>
    SdpsStatus = 1,

    /// <summary>2: end of batch (all tracks of a batch have been sent).</summary>
    EndOfBatch = 2,

    /// <summary>3: service status report.</summary>
    ServiceStatusReport = 3,
}

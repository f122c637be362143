namespace Vigia.Sensors.Capture;

/// <summary>The Bluetooth LE physical layer a packet was received on (Core 5.3 Vol 6 Part A §2).</summary>
public enum BlePhy
{
    /// <summary>LE 1M.</summary>
    Le1M = 0,

    /// <summary>LE 2M.</summary>
    Le2M = 1,

    /// <summary>LE Coded (long range): the access address is followed by a 1-byte coding indicator.</summary>
    LeCoded = 2,

    /// <summary>Not stated by the capture header.</summary>
    Unknown = 3,
}

namespace Vigia.Sensors.Capture;

/// <summary>Why libpcap could not open a capture or read on.</summary>
public enum LibpcapErrorCode
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>No libpcap shared library could be loaded.</summary>
    LibraryNotFound = 1,

    /// <summary>The interface does not exist.</summary>
    NoSuchDevice = 2,

    /// <summary>Capturing needs root or the CAP_NET_RAW and CAP_NET_ADMIN capabilities.</summary>
    PermissionDenied = 3,

    /// <summary>The interface is down.</summary>
    InterfaceNotUp = 4,

    /// <summary>The interface gives frames that are not 802.11 (it is not in monitor mode).</summary>
    NotMonitorMode = 5,

    /// <summary>libpcap refused to open the file or interface for another reason (its text says why).</summary>
    OpenFailed = 6,

    /// <summary>libpcap failed while reading (its text says why).</summary>
    ReadFailed = 7,
}

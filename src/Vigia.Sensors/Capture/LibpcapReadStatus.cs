namespace Vigia.Sensors.Capture;

/// <summary>Outcome of <see cref="LibpcapSource.ReadNext"/>.</summary>
public enum LibpcapReadStatus
{
    /// <summary>A record was read.</summary>
    Record = 0,

    /// <summary>The file ended.</summary>
    EndOfFile = 1,

    /// <summary>libpcap failed; <see cref="LibpcapSource.Error"/> says why. Further reads give the same.</summary>
    Error = 2,

    /// <summary>Live only: the read timeout passed with no packet. Read again.</summary>
    Timeout = 3,

    /// <summary>Live only: <see cref="LibpcapSource.Stop"/> was called. Further reads give the same.</summary>
    Stopped = 4,
}

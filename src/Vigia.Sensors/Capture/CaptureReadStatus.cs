namespace Vigia.Sensors.Capture;

/// <summary>Outcome of <see cref="CaptureReader.ReadNext"/>.</summary>
public enum CaptureReadStatus
{
    /// <summary>A record was read.</summary>
    Record = 0,

    /// <summary>The file ended cleanly at a record boundary.</summary>
    EndOfFile = 1,

    /// <summary>The file is truncated or corrupt; <see cref="CaptureReader.Error"/> says where. Further reads give the same.</summary>
    Error = 2,
}

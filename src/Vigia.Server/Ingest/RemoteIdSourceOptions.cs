namespace Vigia.Server.Ingest;

/// <summary>
/// One in-process Remote ID source (configuration <c>Vigia:RemoteIdSources:N</c>): a capture file played
/// as if live, or a live monitor-mode interface through libpcap. Frames are journalled as evidence with
/// the observation they yield.
/// </summary>
public sealed class RemoteIdSourceOptions
{
    /// <summary>The registered <c>remote-id</c> sensor the observations come from.</summary>
    public string Sensor { get; set; } = "";

    /// <summary>A .pcap/.pcapng file to play (times shifted so its first frame is "now").</summary>
    public string? Pcap { get; set; }

    /// <summary>A live interface in monitor mode (needs libpcap and capture rights).</summary>
    public string? Interface { get; set; }

    /// <summary>For a file: keep the capture's own pace (true) or play it as fast as possible (false).</summary>
    public bool Pace { get; set; } = true;
}

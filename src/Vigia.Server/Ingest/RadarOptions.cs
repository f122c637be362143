namespace Vigia.Server.Ingest;

/// <summary>
/// ASTERIX radar input (<c>Vigia:Radar</c>): one UDP listener, a capture file to replay, or both, and the radars
/// (by SAC/SIC) they may hear. Off unless <see cref="Listen"/> or <see cref="Pcap"/> is set.
/// </summary>
public sealed class RadarOptions
{
    /// <summary>Where to listen, <c>address:port</c> (e.g. <c>0.0.0.0:21111</c>); empty (default) = no listener.</summary>
    public string Listen { get; set; } = "";

    /// <summary>A multicast group to join (e.g. <c>232.1.1.11</c>), or empty for unicast.</summary>
    public string MulticastGroup { get; set; } = "";

    /// <summary>
    /// When the listener cannot be set up (port in use, multicast interface not up yet), seconds before the first
    /// retry; doubled each time up to <see cref="ListenRetryMaxSeconds"/>. The server stays up meanwhile. Default 1.
    /// </summary>
    public double ListenRetryInitialSeconds { get; set; } = 1;

    /// <summary>Longest wait between listener retries, seconds. Default 60.</summary>
    public double ListenRetryMaxSeconds { get; set; } = 60;

    /// <summary>
    /// A .pcap/.pcapng of ASTERIX over UDP (Ethernet, Linux cooked or raw IPv4) to play into the live picture, its
    /// times shifted so that its first packet is "now" (paced) or its last packet is "now" (unpaced, so it never runs
    /// ahead of live inputs); empty (default) = none. Played once, beside the listener if
    /// there is one; a file that cannot be read is reported (log and <c>GET /api/v1/sensors/asterix</c>), nothing else stops.
    /// </summary>
    public string Pcap { get; set; } = "";

    /// <summary>
    /// For <see cref="Pcap"/>: keep the capture's own pace (true, default) or play it as fast as possible, ending at
    /// "now" (beside live inputs its observations older than the reorder window are journalled as late, not tracked).
    /// </summary>
    public bool Pace { get; set; } = true;

    /// <summary>For <see cref="Pcap"/>: the destination UDP ports to take; empty (default) takes every UDP packet.</summary>
    public List<int> PcapPorts { get; set; } = [];

    /// <summary>The radars: CAT-048 plots from each become <c>rae</c> observations from its registered position.</summary>
    public List<RadarSiteSetting> Sites { get; set; } = [];

    /// <summary>Tracker systems (SDPS) whose CAT-062 system tracks become geodetic positions with their covariance.</summary>
    public List<SystemTrackSetting> TrackSources { get; set; } = [];
}

/// <summary>A system-track source: the registered sensor (kind <c>radar</c>) its CAT-062 tracks belong to, and its data source.</summary>
public sealed class SystemTrackSetting
{
    /// <summary>The registered sensor.</summary>
    public string Sensor { get; set; } = "";

    /// <summary>ASTERIX System Area Code.</summary>
    public byte Sac { get; set; }

    /// <summary>ASTERIX System Identification Code.</summary>
    public byte Sic { get; set; }
}

/// <summary>One radar: the registered sensor (kind <c>radar</c>, with a position) and the data source it sends as.</summary>
public sealed class RadarSiteSetting
{
    /// <summary>The registered radar sensor.</summary>
    public string Sensor { get; set; } = "";

    /// <summary>ASTERIX System Area Code.</summary>
    public byte Sac { get; set; }

    /// <summary>ASTERIX System Identification Code.</summary>
    public byte Sic { get; set; }

    /// <summary>The radar's north alignment error, degrees (added to reported azimuths). Default 0.</summary>
    public double NorthAlignmentDegrees { get; set; }

    /// <summary>1-sigma range error, metres. Default 50.</summary>
    public double RangeSigmaMeters { get; set; } = 50;

    /// <summary>1-sigma azimuth error, degrees. Default 0.1.</summary>
    public double AzimuthSigmaDegrees { get; set; } = 0.1;
}

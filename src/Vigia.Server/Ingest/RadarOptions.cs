namespace Vigia.Server.Ingest;

/// <summary>ASTERIX radar input (<c>Vigia:Radar</c>): one UDP listener and the radars (by SAC/SIC) it may hear.</summary>
public sealed class RadarOptions
{
    /// <summary>Where to listen, <c>address:port</c> (e.g. <c>0.0.0.0:21111</c>); empty (default) = off.</summary>
    public string Listen { get; set; } = "";

    /// <summary>A multicast group to join (e.g. <c>232.1.1.11</c>), or empty for unicast.</summary>
    public string MulticastGroup { get; set; } = "";

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

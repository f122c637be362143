namespace Vigia.Server.Outputs.Tak;

/// <summary>
/// TAK / Cursor-on-Target output, section <c>Vigia:Tak</c> (e.g. <c>Vigia__Tak__Udp__Enabled=true</c>).
/// Both transports are off by default. Validated at start by <see cref="TakOptionsValidator"/>, which names the
/// field of any problem.
/// </summary>
public sealed class TakOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Vigia:Tak";

    /// <summary>UDP (mesh SA multicast, or unicast to one device).</summary>
    public TakUdpOptions Udp { get; set; } = new();

    /// <summary>TCP streaming to a TAK Server's plain CoT input.</summary>
    public TakTcpOptions Tcp { get; set; } = new();

    /// <summary>Start of every CoT uid; give each Vigía server its own when several feed one TAK server.</summary>
    public string UidPrefix { get; set; } = "vigia";

    /// <summary>At most one event per track (and its operator) this often, seconds.</summary>
    public double TrackIntervalSeconds { get; set; } = 1.0;

    /// <summary>How long a track stays on a TAK map without an update, seconds (CoT <c>stale</c>).</summary>
    public double TrackStaleSeconds { get; set; } = 5.0;

    /// <summary>Callsigns and remarks in <c>es</c> (Spanish, default) or <c>en</c> (English).</summary>
    public string Language { get; set; } = "es";

    /// <summary>Whether any transport is on.</summary>
    public bool AnyEnabled => Udp.Enabled || Tcp.Enabled;
}

using Vigia.Core.Geodesy;
using Vigia.Protocols.Asterix;

namespace Vigia.Sensors.Radar;

/// <summary>Settings of the ASTERIX radar adapter, with documented defaults (house style §4.8: leniency is configuration).</summary>
/// <remarks>Thread-safety: immutable.</remarks>
public sealed record RadarAdapterOptions
{
    /// <summary>The monoradars whose CAT-048 plots become range/azimuth/elevation observations.</summary>
    public IReadOnlyList<RadarSiteOptions> Radars { get; init; } = [];

    /// <summary>The SDPSs whose CAT-062 system tracks become geodetic observations.</summary>
    public IReadOnlyList<SystemTrackSourceOptions> TrackSources { get; init; } = [];

    /// <summary>
    /// The tracker's picture frame: plots are measured from the radar's position in it, and azimuths are turned from
    /// the radar's north to the frame's north. Without it CAT-048 plots are rejected (<see cref="RadarRejectReason.NoPictureFrame"/>).
    /// </summary>
    public LocalTangentPlane? PictureFrame { get; init; }

    /// <summary>What the wire cannot say: the CAT-062 edition of the track sources (default 1.x).</summary>
    public AsterixDecoderOptions Decoder { get; init; }

    /// <summary>
    /// A record whose octets (category, SAC/SIC and content) were already seen within this receive-time window is a
    /// duplicate from a redundant network and is dropped. Default 2 s (well under a scan, well over network skew).
    /// </summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The most records remembered for de-duplication; the oldest are forgotten first. Default 8192.</summary>
    public int DuplicateCapacity { get; init; } = 8192;

    /// <summary>
    /// Use a plot's Mode C / Mode S flight level (validated, not garbled) for its elevation: the pressure altitude is
    /// taken as height above the ellipsoid, with <see cref="FlightLevelHeightSigmaMeters"/>. Default true.
    /// </summary>
    public bool ElevationFromFlightLevel { get; init; } = true;

    /// <summary>1-sigma of a pressure altitude read as a height above the ellipsoid (QNH, temperature, geoid), metres. Default 300.</summary>
    public double FlightLevelHeightSigmaMeters { get; init; } = 300;

    /// <summary>1-sigma of the elevation assumed (0) for a plot without a usable flight level, radians. Default 0.5, as for SAPIENT.</summary>
    public double UnknownElevationSigmaRadians { get; init; } = 0.5;

    /// <summary>1-sigma standing in for a track without a geometric altitude (the height is then not informative), metres. Default 1000.</summary>
    public double MissingHeightSigmaMeters { get; init; } = 1000;

    /// <summary>Map plots flagged as test targets (I048/020 TST). Default false: they are counted as rejected.</summary>
    public bool AcceptTestTargets { get; init; }

    /// <summary>Map plots and tracks flagged as simulated (I048/020 SIM, I062/080 SIM). Default false: they are counted as rejected.</summary>
    public bool AcceptSimulated { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range or two sources share a SAC/SIC.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Radars);
        ArgumentNullException.ThrowIfNull(TrackSources);
        var keys = new HashSet<(byte, byte)>();
        foreach (var radar in Radars)
        {
            radar.Validate();
            if (!keys.Add((radar.Sac, radar.Sic)))
            {
                throw new ArgumentException($"SAC/SIC {radar.Sac}/{radar.Sic} configured twice", nameof(Radars));
            }
        }

        foreach (var source in TrackSources)
        {
            source.Validate();
            if (!keys.Add((source.Sac, source.Sic)))
            {
                throw new ArgumentException($"SAC/SIC {source.Sac}/{source.Sic} configured twice", nameof(TrackSources));
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(DuplicateWindow, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(DuplicateCapacity, 1);
        foreach (var sigma in (ReadOnlySpan<double>)[FlightLevelHeightSigmaMeters, UnknownElevationSigmaRadians, MissingHeightSigmaMeters])
        {
            if (!double.IsFinite(sigma) || sigma <= 0)
            {
                throw new ArgumentException("every sigma must be finite and positive");
            }
        }
    }
}

using System.Collections.Concurrent;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Protocols.Asterix;

namespace Vigia.Sensors.Radar;

/// <summary>
/// The ASTERIX radar adapter: datagram → data blocks → records → de-duplicated across redundant networks →
/// CAT-048 plots as range/azimuth/elevation observations from the configured radar, CAT-062 system tracks as
/// geodetic observations with covariance; CAT-034/065 service messages and every refusal are counted per source.
/// </summary>
/// <remarks>
/// Transport-neutral: <see cref="UdpAsterixReceiver"/> and <see cref="AsterixPcapReplay"/> feed it. Never throws on bad
/// data; each datagram is decoded inside one <c>try</c> (house style §4.5): an unexpected exception is a bug, counted in
/// <see cref="Faults"/> with a hex dump in <see cref="LastFault"/>, and the datagram dropped. Thread-safety:
/// <c>Process</c> is serialised by a lock, so the receivers of redundant networks (different groups and ports)
/// may share one adapter and its de-duplication window; counters may be read from any thread.
/// </remarks>
public sealed partial class RadarAdapter
{
    private const int FaultDumpBytes = 64;

    private readonly RadarAdapterOptions _options;
    private readonly Dictionary<DataSourceIdentifier, RadarSite> _radars = [];
    private readonly Dictionary<DataSourceIdentifier, SystemTrackSource> _trackSources = [];
    private readonly ConcurrentDictionary<DataSourceIdentifier, RadarCounters> _counters = new();
    private readonly RecordDeduplicator _duplicates;
    private readonly Lock _gate = new();

    /// <summary>Creates an adapter for the configured radars and track sources.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public RadarAdapter(RadarAdapterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        foreach (var radar in options.Radars)
        {
            _radars[new DataSourceIdentifier(radar.Sac, radar.Sic)] = RadarSite.Create(radar, options.PictureFrame);
        }

        foreach (var source in options.TrackSources)
        {
            _trackSources[new DataSourceIdentifier(source.Sac, source.Sic)] = new SystemTrackSource(source);
        }

        _duplicates = new RecordDeduplicator(options.DuplicateWindow, options.DuplicateCapacity);
    }

    /// <summary>Datagrams offered.</summary>
    public long Datagrams { get; private set; }

    /// <summary>Datagrams dropped by an unexpected exception (a bug: its input belongs in a regression test).</summary>
    public long Faults { get; private set; }

    /// <summary>The last unexpected exception and the first octets of its datagram, in hex; null when none.</summary>
    public string? LastFault { get; private set; }

    /// <summary>Counters of what could not be charged to a SAC/SIC.</summary>
    public RadarCounters Unattributed { get; } = new();

    /// <summary>Counters per SAC/SIC seen (configured or not).</summary>
    public IReadOnlyDictionary<DataSourceIdentifier, RadarCounters> Counters => _counters;

    /// <summary>
    /// The sensor a SAC/SIC is configured as (a radar site or a system-track source), or null for a source that is not
    /// configured: its records are counted in <see cref="Counters"/> and rejected as <see cref="RadarRejectReason.UnknownSource"/>.
    /// </summary>
    public SensorId? SensorOf(DataSourceIdentifier source) =>
        _radars.TryGetValue(source, out var site) ? site.Sensor
        : _trackSources.TryGetValue(source, out var tracks) ? tracks.Sensor
        : null;

    /// <summary>Records remembered for de-duplication.</summary>
    public int RememberedRecords => _duplicates.Count;

    /// <summary>
    /// Decodes one datagram (or a chunk of a raw recording made of whole blocks) received at
    /// <paramref name="receiveTime"/> and adds its observations to <paramref name="output"/>.
    /// </summary>
    /// <param name="datagram">ASTERIX data blocks.</param>
    /// <param name="receiveTime">When it arrived (UTC); also the reference day for times of day.</param>
    /// <param name="output">Receives the observations.</param>
    /// <returns>The number of observations added.</returns>
    public int Process(ReadOnlySpan<byte> datagram, Timestamp receiveTime, ICollection<Observation> output) =>
        Process(datagram, receiveTime, receiveTime, output);

    /// <summary>
    /// Decodes one replayed datagram: <paramref name="receiveTime"/> is when it was captured (the reference day for
    /// times of day and the clock of the de-duplication window), <paramref name="arrival"/> when it was replayed (the
    /// time <see cref="RadarCounters.LastRecordAt"/> shows).
    /// </summary>
    /// <returns>The number of observations added.</returns>
    public int Process(ReadOnlySpan<byte> datagram, Timestamp receiveTime, Timestamp arrival, ICollection<Observation> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        lock (_gate)
        {
            Datagrams++;
            var handler = new Handler(this, datagram, receiveTime, arrival, output);
            try
            {
                _ = AsterixDecoder.Decode(datagram, ref handler, _options.Decoder);
            }
#pragma warning disable CA1031 // Containment at the adapter boundary (house style §4.5): any exception here is a bug, counted and dropped.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Faults++;
                LastFault = e.GetType().Name + ": " + e.Message + " in datagram " + Convert.ToHexString(datagram[..Math.Min(datagram.Length, FaultDumpBytes)]);
            }

            return handler.Added;
        }
    }

    private RadarCounters CountersOf(DataSourceIdentifier source) => _counters.GetOrAdd(source, static _ => new RadarCounters());
}

using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Vigia.Core.Time;
using Vigia.Protocols.Asterix;
using Vigia.Sensors.Radar;
using Vigia.Sensors.Sapient;
using Vigia.Server.Hosting;
using Vigia.Server.Json;

namespace Vigia.Server.Ingest;

/// <summary>
/// What the in-process inputs know about their sensors, for the sensor documents: the radar adapter's counters per
/// SAC/SIC (<see cref="RadarSourceService"/>), each SAPIENT node's registration and health (<see cref="SapientNodeService"/>)
/// and each ADS-B receiver's connection and decoding counters (<see cref="AdsbSourceService"/>).
/// </summary>
/// <remarks>Thread-safety: every member may be called from any thread (it reads the inputs' thread-safe counters).</remarks>
public sealed class SensorInputs(RadarSourceService radar, SapientNodeService sapient, AdsbSourceService adsb, IOptions<VigiaServerOptions> options)
{
    /// <summary>The details of every sensor at <paramref name="now"/>: call once per report, then look sensors up.</summary>
    public SensorInputsSnapshot Read(Timestamp now)
    {
        var nodes = sapient.Server?.GetNodes() ?? [];
        var byNode = new Dictionary<string, SapientNodeState>(nodes.Count, StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            byNode[node.Sensor.Value] = node;
        }

        return new SensorInputsSnapshot(this, byNode, now);
    }

    /// <summary>The ASTERIX input as a whole: every SAC/SIC configured or heard, the capture replay, what no source can be charged with.</summary>
    public AsterixInputDto Asterix(Timestamp now)
    {
        var settings = options.Value.Radar;
        if (settings.Listen.Length == 0 && settings.Pcap.Length == 0)
        {
            return new AsterixInputDto { State = "off" };
        }

        if (radar.Adapter is not { } adapter)
        {
            return radar.Error is { } error ? new AsterixInputDto { State = "failed", Error = error } : new AsterixInputDto { State = "waiting" };
        }

        var configured = Configured(settings).ToList();
        var sources = configured.Select(c => Source(adapter, c.Source, c.Sensor, c.Role, now)).ToList();
        foreach (var (source, _) in adapter.Counters.OrderBy(c => c.Key.Sac).ThenBy(c => c.Key.Sic))
        {
            if (adapter.SensorOf(source) is null)
            {
                sources.Add(Source(adapter, source, null, "unconfigured", now));
            }
        }

        var player = radar.Player;
        return new AsterixInputDto
        {
            State = "running",
            Listen = radar.Receiver?.LocalEndPoint.ToString(),
            ListenState = settings.Listen.Length == 0 ? null : radar.Receiver is not null && radar.Error is null ? "up" : "down",
            Error = radar.Error,
            MulticastGroup = settings.MulticastGroup.Length > 0 ? settings.MulticastGroup : null,
            Capture = player is null ? null : new AsterixCaptureDto(settings.Pcap, player.State, player.Packets, player.Skipped, player.Observations, player.Error),
            Datagrams = adapter.Datagrams,
            Faults = adapter.Faults,
            LastFault = adapter.LastFault,
            Sources = sources,
            Unattributed = Counters(adapter.Unattributed, null, null, null, "unattributed", now),
        };
    }

    /// <summary>The configured SAC/SICs of <paramref name="sensorId"/> with their counters, or null when it has none.</summary>
    internal IReadOnlyList<AsterixSourceDto>? AsterixOf(string sensorId, Timestamp now)
    {
        if (radar.Adapter is not { } adapter)
        {
            return null;
        }

        List<AsterixSourceDto>? list = null;
        foreach (var (source, sensor, role) in Configured(options.Value.Radar))
        {
            if (sensor == sensorId)
            {
                (list ??= []).Add(Source(adapter, source, sensor, role, now));
            }
        }

        return list;
    }

    /// <summary>The receiver configured for <paramref name="sensorId"/> with its counters, or null.</summary>
    internal AdsbReceiverDto? AdsbOf(string sensorId)
    {
        if (adsb.ClientOf(sensorId) is not { } client)
        {
            return null;
        }

        var counters = client.Decoder.Counters;
        return new AdsbReceiverDto
        {
            Connection = client.State.ToString().ToLowerInvariant(),
            Connects = client.Connects,
            ConnectFailures = client.ConnectFailures,
            Disconnects = client.Disconnects,
            Frames = counters.Frames,
            Decoded = counters.Decoded,
            CrcErrors = counters.CrcErrors,
            FramingErrors = counters.FramingErrors,
            BytesSkipped = counters.BytesSkipped,
            Malformed = counters.Malformed,
            Unsupported = counters.UnsupportedDownlinkFormat + counters.UnsupportedMessage,
            Observations = client.Decoder.Observations,
        };
    }

    /// <summary>The DTO of a SAPIENT node.</summary>
    internal static SapientNodeDto Node(SapientNodeState node, Timestamp now) => new()
    {
        NodeId = node.NodeId,
        Name = node.Name,
        NodeTypes = node.NodeTypes,
        IcdVersion = node.IcdVersion,
        RegisteredAt = node.RegisteredAt.ToDateTimeOffset(),
        Connected = node.Connected,
        RemoteEndPoint = node.RemoteEndPoint,
        Health = node.Health.ToString().ToLowerInvariant(),
        HealthReason = node.HealthReason,
        System = node.System,
        Mode = node.Mode,
        StatusIntervalS = node.StatusIntervalSeconds,
        LastStatusAgeS = node.LastStatusAt is { } status ? Math.Max(0, now.SecondsSince(status)) : null,
        Messages = node.Messages,
        DetectionsAccepted = node.Observations,
        Rejected = node.Rejected,
        LastRejection = node.LastRejection,
        LastRejectedAt = node.LastRejectedAt?.ToDateTimeOffset(),
    };

    private static IEnumerable<(DataSourceIdentifier Source, string Sensor, string Role)> Configured(RadarOptions settings) =>
        settings.Sites.Select(s => (new DataSourceIdentifier(s.Sac, s.Sic), s.Sensor, "radar"))
            .Concat(settings.TrackSources.Select(s => (new DataSourceIdentifier(s.Sac, s.Sic), s.Sensor, "system_tracks")));

    private static AsterixSourceDto Source(RadarAdapter adapter, DataSourceIdentifier source, string? sensor, string role, Timestamp now) =>
        Counters(adapter.Counters.TryGetValue(source, out var counters) ? counters : null, source.Sac, source.Sic, sensor, role, now);

    private static AsterixSourceDto Counters(RadarCounters? counters, int? sac, int? sic, string? sensor, string role, Timestamp now)
    {
        var rejected = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (counters is not null)
        {
            foreach (var reason in Enum.GetValues<RadarRejectReason>())
            {
                if (counters.Rejected(reason) is > 0 and var n)
                {
                    rejected[JsonNamingPolicy.SnakeCaseLower.ConvertName(reason.ToString())] = n;
                }
            }
        }

        return new AsterixSourceDto
        {
            Sac = sac,
            Sic = sic,
            Sensor = sensor,
            Role = role,
            Records = counters?.Records ?? 0,
            Plots = counters?.Plots ?? 0,
            SystemTracks = counters?.SystemTracks ?? 0,
            ServiceMessages = counters?.ServiceMessages ?? 0,
            Duplicates = counters?.Duplicates ?? 0,
            Malformed = counters?.Malformed ?? 0,
            Unsupported = counters?.Unsupported ?? 0,
            Observations = counters?.Observations ?? 0,
            Rejected = rejected,
            LastRecordAgeS = counters?.LastRecordAt is { } last ? Math.Max(0, now.SecondsSince(last)) : null,
            LastTimeOfDay = counters?.LastTimeOfDay is { } tod ? tod.ToTimeSpan().ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture) : null,
        };
    }
}

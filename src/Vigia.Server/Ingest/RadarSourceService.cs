using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Vigia.Core.Observations;
using Vigia.Sensors.Radar;
using Vigia.Server.Hosting;
using Vigia.Server.Pipeline;

namespace Vigia.Server.Ingest;

/// <summary>
/// Listens for ASTERIX over UDP and/or plays a capture of it (<c>Vigia:Radar</c>) once every configured radar is a
/// registered, positioned sensor of kind <c>radar</c>, both through one adapter: CAT-048 plots become <c>rae</c> observations from the radar's position, CAT-062
/// system tracks of a configured source geodetic positions with their covariance,
/// records heard twice over redundant networks are kept once, and everything is journalled and tracked.
/// </summary>
/// <remarks>
/// Settings are checked at start (<see cref="SensorInputSettings"/>). What can only fail at run time never stops the
/// server: a listener that cannot bind or join its group (port in use, interface not up yet) is reported down with
/// the reason (<see cref="Error"/>, <c>GET /api/v1/sensors/asterix</c>) and retried with backoff; the capture
/// replay and every other input carry on meanwhile.
/// </remarks>
public sealed partial class RadarSourceService(
    IOptions<VigiaServerOptions> options,
    SensorDirectory directory,
    IngestService ingest,
    TimeProvider clock,
    ILogger<RadarSourceService> logger) : BackgroundService
{
    /// <summary>The adapter (counters per radar), once running.</summary>
    public RadarAdapter? Adapter { get; private set; }

    /// <summary>The UDP receiver, once running (null without <c>Listen</c>).</summary>
    public UdpAsterixReceiver? Receiver { get; private set; }

    /// <summary>The capture replay, once started (null without <c>Pcap</c>).</summary>
    public RadarCapturePlayer? Player { get; private set; }

    /// <summary>
    /// Why the input is not working: the UDP listener cannot be set up (with when it is retried; null again once it
    /// is), or, with <see cref="Adapter"/> null, why the input could not start at all. Null while all is well.
    /// </summary>
    public string? Error { get; private set; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Radar;
        if (settings.Listen.Length == 0 && settings.Pcap.Length == 0)
        {
            return;
        }

        try
        {
            for (var warned = false; !Ready(settings); warned = true)
            {
                if (!warned)
                {
                    LogError(logger, $"waiting for the radars {string.Join(", ", settings.Sites.Select(s => s.Sensor))} to be registered radar sensors with a position");
                }

                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken).ConfigureAwait(false);
            }

            RadarAdapter adapter;
            try
            {
                adapter = new RadarAdapter(AdapterOptions(settings));
            }
            catch (ArgumentException ex)
            {
                // A registered radar's position or a setting the start-up checks could not see: report, do not stop the server.
                Error = ex.Message;
                LogError(logger, $"not started: {ex.Message}");
                return;
            }

            var player = settings.Pcap.Length == 0 ? null : new RadarCapturePlayer(adapter, clock);
            (Adapter, Player) = (adapter, player);
            var channel = Channel.CreateBounded<Observation>(new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
            var pump = new ObservationPump(ingest, reason => LogError(logger, reason));
            var pumping = pump.RunAsync(channel.Reader, stoppingToken);
            try
            {
                await Task.WhenAll(
                    settings.Listen.Length == 0 ? Task.CompletedTask : ListenAsync(adapter, settings, channel.Writer, stoppingToken),
                    player is null ? Task.CompletedTask : Task.Run(() => PlayAsync(player, settings, channel.Writer, stoppingToken), stoppingToken)).ConfigureAwait(false);
            }
            finally
            {
                channel.Writer.TryComplete();
                await pumping.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Binds the listener (retrying with backoff while the socket cannot be set up) and receives until stopped.</summary>
    private async Task ListenAsync(RadarAdapter adapter, RadarOptions settings, ChannelWriter<Observation> output, CancellationToken stoppingToken)
    {
        var receiverOptions = new UdpAsterixReceiverOptions
        {
            ListenEndPoint = IPEndPoint.Parse(settings.Listen),
            MulticastGroup = settings.MulticastGroup.Length > 0 ? IPAddress.Parse(settings.MulticastGroup) : null,
        };
        var delay = TimeSpan.FromSeconds(settings.ListenRetryInitialSeconds);
        var maxDelay = TimeSpan.FromSeconds(Math.Max(settings.ListenRetryMaxSeconds, settings.ListenRetryInitialSeconds));
        while (true)
        {
            UdpAsterixReceiver receiver;
            try
            {
                receiver = new UdpAsterixReceiver(adapter, receiverOptions, clock);
            }
            catch (Exception ex) when (ex is SocketException or ArgumentException)
            {
                var what = settings.MulticastGroup.Length > 0 ? $"{settings.Listen} (group {settings.MulticastGroup})" : settings.Listen;
                Error = string.Create(CultureInfo.InvariantCulture, $"cannot listen on {what}: {ex.Message}; retrying in {delay.TotalSeconds:0.##} s");
                LogError(logger, Error);
                await Task.Delay(delay, clock, stoppingToken).ConfigureAwait(false);
                delay = Hosting.Backoff.Double(delay, maxDelay);
                continue;
            }

            using (receiver)
            {
                (Receiver, Error) = (receiver, null);
                await receiver.RunAsync(output, stoppingToken).ConfigureAwait(false);
                return;
            }
        }
    }

    private async Task PlayAsync(RadarCapturePlayer player, RadarOptions settings, ChannelWriter<Observation> output, CancellationToken stoppingToken)
    {
        await player.PlayAsync(settings.Pcap, settings.Pace, settings.PcapPorts.ToHashSet(), output, stoppingToken).ConfigureAwait(false);
        if (player.Error is { } error)
        {
            LogError(logger, $"capture not played to its end: {error}");
        }
        else if (!stoppingToken.IsCancellationRequested)
        {
            LogPlayed(logger, settings.Pcap, player.Packets, player.Skipped, player.Observations);
        }
    }

    private RadarAdapterOptions AdapterOptions(RadarOptions settings) => new()
    {
        PictureFrame = directory.Frame,
        Radars = [.. settings.Sites.Select(s => new RadarSiteOptions
        {
            SensorId = s.Sensor,
            Sac = s.Sac,
            Sic = s.Sic,
            Position = directory.Find(s.Sensor)!.Record.Position!.Value,
            NorthAlignmentDegrees = s.NorthAlignmentDegrees,
            RangeSigmaMeters = s.RangeSigmaMeters,
            AzimuthSigmaDegrees = s.AzimuthSigmaDegrees,
        })],
        TrackSources = [.. settings.TrackSources.Select(s => new SystemTrackSourceOptions { SensorId = s.Sensor, Sac = s.Sac, Sic = s.Sic })],
    };

    private bool Ready(RadarOptions settings) =>
        directory.Frame is not null
        && settings.Sites.All(s => directory.Find(s.Sensor) is { Active: true, Record: { Kind: "radar", Position: not null } })
        && settings.TrackSources.All(s => directory.Find(s.Sensor) is { Active: true, Record.Kind: "radar" });

    [LoggerMessage(Level = LogLevel.Error, Message = "Radar (ASTERIX): {Reason}")]
    private static partial void LogError(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Radar (ASTERIX): {Path} played: {Packets} packets ({Skipped} not ASTERIX over UDP), {Observations} observations")]
    private static partial void LogPlayed(ILogger logger, string path, long packets, long skipped, long observations);
}

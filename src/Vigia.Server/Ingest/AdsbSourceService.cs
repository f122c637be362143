using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Vigia.Core.Observations;
using Vigia.Sensors.Adsb;
using Vigia.Server.Hosting;
using Vigia.Server.Pipeline;

namespace Vigia.Server.Ingest;

/// <summary>
/// Reads every configured ADS-B receiver (<c>Vigia:AdsbSources</c>) over TCP (Beast or AVR, reconnecting with
/// backoff) once its sensor is registered with kind <c>adsb</c>; decoded aircraft positions (ICAO address as
/// identity, classified as manned aircraft) are journalled and tracked like any other observation.
/// </summary>
public sealed partial class AdsbSourceService(
    IOptions<VigiaServerOptions> options,
    SensorDirectory directory,
    IngestService ingest,
    TimeProvider clock,
    ILogger<AdsbSourceService> logger) : BackgroundService
{
    private readonly List<AdsbTcpClient> _clients = [];
    private readonly Dictionary<string, AdsbTcpClient> _bySensor = new(StringComparer.Ordinal);

    /// <summary>The running clients (for health and counters).</summary>
    public IReadOnlyList<AdsbTcpClient> Clients => _clients;

    /// <summary>The client of the receiver configured for <paramref name="sensorId"/>, once running; else null.</summary>
    public AdsbTcpClient? ClientOf(string sensorId)
    {
        lock (_clients)
        {
            return _bySensor.GetValueOrDefault(sensorId);
        }
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.Value.AdsbSources.Select(s => RunAsync(s, stoppingToken)));

    private async Task RunAsync(AdsbSourceOptions source, CancellationToken stoppingToken)
    {
        try
        {
            for (var warned = false; directory.Find(source.Sensor) is not { Active: true, Record.Kind: "adsb" }; warned = true)
            {
                if (!warned)
                {
                    LogSourceError(logger, source.Sensor, $"waiting for '{source.Sensor}' to be a registered, active adsb sensor (vigia sensors add {source.Sensor} --kind adsb)");
                }

                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken).ConfigureAwait(false);
            }

            var client = new AdsbTcpClient(new SensorId(source.Sensor), new AdsbReceiverOptions
            {
                Host = source.Host,
                Port = source.Port,
                Format = source.Format == "avr" ? AdsbFeedFormat.Avr : AdsbFeedFormat.Beast,
                IdleTimeout = TimeSpan.FromSeconds(source.IdleTimeoutSeconds),
            }, clock);
            lock (_clients)
            {
                _clients.Add(client);
                _bySensor.TryAdd(source.Sensor, client);
            }

            var channel = Channel.CreateBounded<Observation>(new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
            var pump = new ObservationPump(ingest, reason => LogSourceError(logger, source.Sensor, reason));
            var pumping = pump.RunAsync(channel.Reader, stoppingToken);
            try
            {
                await client.RunAsync(channel.Writer, stoppingToken).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "ADS-B source {Sensor}: {Reason}")]
    private static partial void LogSourceError(ILogger logger, string sensor, string reason);
}

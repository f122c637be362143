using System.Diagnostics;
using Microsoft.Extensions.Options;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Server.Hosting;
using Vigia.Server.Pipeline;
using Vigia.Storage;
using Vigia.Sensors.Capture;
using Vigia.Sensors.RemoteId;

namespace Vigia.Server.Ingest;

/// <summary>
/// Runs the configured in-process Remote ID sources (<see cref="RemoteIdSourceOptions"/>): each on its own
/// thread (captures block), frames through <see cref="RemoteIdCaptureAdapter"/>, observations journalled
/// in batches (at most 100 ms or 200 observations) with the raw frame as evidence, then tracked. Client
/// ids are <c>pcap:FILE:FRAME</c> for files (so playing a file twice journals it once) and
/// <c>live:TIME:FRAME</c> for interfaces.
/// </summary>
public sealed partial class RemoteIdSourceService(
    IOptions<VigiaServerOptions> options,
    SensorDirectory directory,
    IngestService ingest,
    TimeProvider clock,
    ILogger<RemoteIdSourceService> logger) : BackgroundService
{
    private readonly IngestService _ingest = ingest;
    private readonly ILogger _logger = logger;
    private long _observations;

    /// <summary>Observations journalled from all sources.</summary>
    public long ObservationsJournalled => Interlocked.Read(ref _observations);

    /// <summary>Sources that ended (file played to its end, or failed).</summary>
    public int SourcesEnded { get; private set; }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sources = options.Value.RemoteIdSources;
        var runs = sources.Select(s => Task.Factory.StartNew(() => Run(s, stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        return Task.WhenAll(runs);
    }

    private void Run(RemoteIdSourceOptions source, CancellationToken stoppingToken)
    {
        try
        {
            // Wait for the sensor to be registered (the registry is re-read every second), saying so once.
            for (var warned = false; !IsReady(source.Sensor); warned = true)
            {
                if (!warned)
                {
                    LogSourceError(_logger, source.Sensor, $"waiting for '{source.Sensor}' to be a registered, active remote-id sensor (vigia sensors add {source.Sensor} --kind remote-id)");
                }

                if (stoppingToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(1)))
                {
                    return;
                }
            }

            if (source.Pcap is { Length: > 0 } file)
            {
                PlayFile(source, file, stoppingToken);
            }
            else if (source.Interface is { Length: > 0 } device)
            {
                Listen(source, device, stoppingToken);
            }
            else
            {
                LogSourceError(_logger, source.Sensor, "a Remote ID source needs Pcap or Interface");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JournalException)
        {
            LogSourceError(_logger, source.Sensor, ex.Message);
        }
        finally
        {
            SourcesEnded++;
        }
    }

    private bool IsReady(string sensorId) =>
        directory.Find(sensorId) is { Active: true } sensor && sensor.Record.Kind == "remote-id";

    private void PlayFile(RemoteIdSourceOptions source, string path, CancellationToken stoppingToken)
    {
        using var stream = File.OpenRead(path);
        using var reader = CaptureReader.TryOpen(stream, leaveOpen: false, out var openError);
        if (reader is null)
        {
            LogSourceError(_logger, source.Sensor, $"{path}: byte {openError.Offset}: {openError.Field}: {openError.Message}");
            return;
        }

        var adapter = new RemoteIdCaptureAdapter(new SensorId(source.Sensor));
        var batch = new Batch(this, source.Sensor, stoppingToken);
        // Client ids name the recording by its content (CaptureRecording): replayed again, it is journalled once; a
        // different recording under a name used before is journalled too.
        string name;
        try
        {
            name = CaptureRecording.Identify(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogSourceError(_logger, source.Sensor, $"{path}: {ex.Message}");
            return;
        }

        // Paced, the first packet is "now" and the capture's intervals are kept; unpaced, the LAST packet is
        // "now" (as RadarCapturePlayer), so a fast replay never runs ahead of the server clock, where the
        // tracker would not take it.
        double? shift = !source.Pace && RadarCapturePlayer.LastCaptureTime(path) is { } last
            ? Timestamp.FromDateTimeOffset(clock.GetUtcNow()).SecondsSince(last)
            : null;
        var started = Stopwatch.GetTimestamp();
        Timestamp? first = null;
        long index = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var status = reader.ReadNext(out var record);
            if (status == CaptureReadStatus.EndOfFile)
            {
                break;
            }

            if (status != CaptureReadStatus.Record)
            {
                LogSourceError(_logger, source.Sensor, $"{path}: byte {reader.Error.Offset}: {reader.Error.Field}: {reader.Error.Message}");
                break;
            }

            index++;
            var captured = record.HasTimestamp ? record.Timestamp : Timestamp.FromDateTimeOffset(clock.GetUtcNow());
            first ??= captured;
            shift ??= Timestamp.FromDateTimeOffset(clock.GetUtcNow()).SecondsSince(captured);
            if (source.Pace)
            {
                var due = captured.SecondsSince(first.Value) - Stopwatch.GetElapsedTime(started).TotalSeconds;
                if (due > 0)
                {
                    batch.Flush();
                    stoppingToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(Math.Min(due, 10)));
                }
            }

            // The report's own time (seconds after the hour) is rebuilt against the capture's clock, then the
            // whole observation is shifted: rebuilt against the shifted clock it would land up to 30 min off.
            if (adapter.TryObserve(record, captured, out var observation))
            {
                var moved = observation with
                {
                    SensorTime = observation.SensorTime.AddSeconds(shift.Value),
                    ReceiveTime = observation.ReceiveTime.AddSeconds(shift.Value),
                    ClientId = $"pcap:{name}:{index}",
                };
                batch.Add(moved, record.Data.ToArray());
            }
        }

        batch.Flush();
        LogSourceEnded(_logger, source.Sensor, path, adapter.Frames, adapter.Observations);
    }

    private void Listen(RemoteIdSourceOptions source, string device, CancellationToken stoppingToken)
    {
        using var capture = LibpcapSource.TryOpenLive(device, out var error);
        if (capture is null)
        {
            LogSourceError(_logger, source.Sensor, $"{device}: {error.Message}");
            return;
        }

        using var stop = stoppingToken.Register(capture.Stop);
        var adapter = new RemoteIdCaptureAdapter(new SensorId(source.Sensor));
        var batch = new Batch(this, source.Sensor, stoppingToken);
        long index = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var status = capture.ReadNext(out var record);
            if (status == LibpcapReadStatus.Timeout)
            {
                batch.FlushIfDue();
                continue;
            }

            if (status != LibpcapReadStatus.Record)
            {
                break;
            }

            index++;
            var now = record.HasTimestamp ? record.Timestamp : Timestamp.FromDateTimeOffset(clock.GetUtcNow());
            if (adapter.TryObserve(record, now, out var observation))
            {
                batch.Add(observation with { ClientId = $"live:{now.UnixNanoseconds}:{index}" }, record.Data.ToArray());
            }
        }

        batch.Flush();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Remote ID source {Sensor}: {Reason}")]
    private static partial void LogSourceError(ILogger logger, string sensor, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Remote ID source {Sensor}: {Path} played: {Frames} frames, {Observations} observations")]
    private static partial void LogSourceEnded(ILogger logger, string sensor, string path, long frames, long observations);

    /// <summary>Observations waiting to be journalled together.</summary>
    private sealed class Batch(RemoteIdSourceService owner, string sensor, CancellationToken stoppingToken)
    {
        private const int MaxCount = 200;
        private static readonly TimeSpan FirstOverloadWait = TimeSpan.FromMilliseconds(100);
        private static readonly TimeSpan MaxOverloadWait = TimeSpan.FromSeconds(1);
        private readonly List<JournalObservation> _items = [];
        private long _since = Stopwatch.GetTimestamp();

        public void Add(Observation observation, byte[] raw)
        {
            _items.Add(new JournalObservation(observation, raw));
            if (_items.Count >= MaxCount)
            {
                Flush();
            }
            else
            {
                FlushIfDue();
            }
        }

        public void FlushIfDue()
        {
            if (_items.Count > 0 && Stopwatch.GetElapsedTime(_since) >= TimeSpan.FromMilliseconds(100))
            {
                Flush();
            }
        }

        public void Flush()
        {
            _since = Stopwatch.GetTimestamp();
            if (_items.Count == 0)
            {
                return;
            }

            var items = _items.ToArray();
            _items.Clear();
            try
            {
                // Back-pressure, however long it lasts: the capture waits (the client ids make a repeat harmless).
                JournalBackPressure.SubmitAsync(() => owner._ingest.SubmitAsync(items, Stopwatch.GetTimestamp()), FirstOverloadWait, MaxOverloadWait, attempt =>
                {
                    if (attempt == ObservationPump.ReportOverloadAfterAttempts)
                    {
                        LogSourceError(owner._logger, sensor, $"journal queue full for {attempt} tries: holding {items.Length} observations until it accepts them");
                    }
                }, stoppingToken).GetAwaiter().GetResult();
                Interlocked.Add(ref owner._observations, items.Length);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping.
            }
            catch (JournalException ex)
            {
                LogSourceError(owner._logger, sensor, $"{items.Length} observations not journalled: {ex.Message}");
            }
        }
    }
}

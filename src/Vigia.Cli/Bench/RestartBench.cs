using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Vigia.Cli.Replay;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Server.Security;
using Vigia.Storage;

namespace Vigia.Cli.Bench;

/// <summary>
/// <c>vigia bench restart</c>: how long the real server takes from process start to a live picture on a big
/// journal. The journal (built once, reused with <c>--data</c>) holds a day of Remote ID positions of 50
/// drones, <c>N</c> observations in all, ending now; the figure is process launch → <c>/readyz</c> 200 (journal
/// opened, the last minute replayed through a fresh tracker) and the tracks then in the picture.
/// </summary>
internal sealed class RestartBench(string dataDirectory, long observations, TextWriter progress)
{
    private const int Drones = 50;
    private const int BatchSize = 20_000;
    private const string Sensor = "rid-restart-bench";

    public async Task<RestartReport> RunAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        long count;
        var built = Stopwatch.StartNew();
        var journal = await Journal.OpenAsync(new JournalOptions { DataDirectory = dataDirectory }, cancellationToken).ConfigureAwait(false);
        await using (journal.ConfigureAwait(false))
        {
            count = await journal.CountObservationsAsync(cancellationToken).ConfigureAwait(false);
            if (count < observations)
            {
                await journal.AddSensorAsync(
                    new SensorRecord { Id = Sensor, Kind = "remote-id", Created = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) },
                    Secrets.Hash(Secrets.Generate(Secrets.SensorPrefix)),
                    cancellationToken).ConfigureAwait(false);
                count = await FillAsync(journal, count, cancellationToken).ConfigureAwait(false);
            }
        }

        var buildSeconds = built.Elapsed.TotalSeconds;
        var bytes = Directory.EnumerateFiles(dataDirectory, "vigia.db*").Sum(f => new FileInfo(f).Length);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"journal: {count:N0} observations, {bytes / 1e6:F0} MB; starting the server"));
        await using var server = await BenchServer.StartAsync(new BenchSettings { DataDirectory = dataDirectory }, "restart-" + Guid.NewGuid().ToString("N")[..8], cancellationToken).ConfigureAwait(false);
        using var api = new VigiaApiClient(server.Address, server.AdminKey);
        var picture = await api.GetTextAsync("api/v1/tracks", cancellationToken).ConfigureAwait(false);
        using var doc = JsonDocument.Parse(picture);
        var tracks = doc.RootElement.GetProperty("tracks").GetArrayLength();
        return new RestartReport(count, bytes, server.StartToReady.TotalSeconds, tracks, buildSeconds);
    }

    /// <summary>Appends observations so the journal holds <c>N</c>: a day of positions ending now, oldest first.</summary>
    private async Task<long> FillAsync(IJournal journal, long existing, CancellationToken cancellationToken)
    {
        var end = DateTimeOffset.UtcNow;
        var interval = 86_400.0 / observations;
        var batch = new List<JournalObservation>(BatchSize);
        var started = Stopwatch.StartNew();
        for (var i = existing; i < observations; i++)
        {
            var t = end.AddSeconds(-(observations - i) * interval);
            var drone = (int)(i % Drones);
            var phase = (t.ToUnixTimeMilliseconds() / 1000.0 / 120.0) + drone;
            var lat = 19.19 + (0.01 * Math.Sin(phase)) + (drone * 0.002);
            var lon = -102.85 + (0.01 * Math.Cos(phase));
            var time = Timestamp.FromDateTimeOffset(t);
            batch.Add(new JournalObservation(new Observation
            {
                Sensor = new SensorId(Sensor),
                SensorTime = time,
                ReceiveTime = time,
                Measurement = new Measurement(MeasurementKind.GeodeticPosition, lat, lon, 500, Matrix3x3.Diagonal(9, 9, 25)),
                UasId = string.Create(CultureInfo.InvariantCulture, $"BENCH-{drone:D3}"),
                ClientId = string.Create(CultureInfo.InvariantCulture, $"restart/{i}"),
            }));
            if (batch.Count == BatchSize)
            {
                await journal.AppendObservationsAsync(batch, cancellationToken).ConfigureAwait(false);
                batch.Clear();
                if ((i + 1) % 1_000_000 == 0)
                {
                    progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  built {i + 1:N0} / {observations:N0} ({(i + 1 - existing) / started.Elapsed.TotalSeconds:N0}/s)"));
                }
            }
        }

        if (batch.Count > 0)
        {
            await journal.AppendObservationsAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        return await journal.CountObservationsAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>What <see cref="RestartBench"/> measured.</summary>
internal sealed record RestartReport(long Observations, long JournalBytes, double StartToReadySeconds, int TracksInPicture, double BuildSeconds)
{
    public void WriteText(TextWriter output)
    {
        output.WriteLine("vigia bench restart (SQLite journal, WAL, synchronous=FULL)");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  journal                       {Observations:N0} observations, {JournalBytes / 1e6:F0} MB"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  process start -> /readyz 200  {StartToReadySeconds:F2} s   (target <= 10 s)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  tracks in the picture then    {TracksInPicture}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  (journal built or checked in  {BuildSeconds:F0} s)"));
    }

    public void WriteJson(TextWriter output) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $$"""{"observations":{{Observations}},"journal_bytes":{{JournalBytes}},"start_to_ready_s":{{StartToReadySeconds:F3}},"tracks_in_picture":{{TracksInPicture}},"build_s":{{BuildSeconds:F1}}}"""));
}

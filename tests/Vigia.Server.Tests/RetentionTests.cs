using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Server.Pipeline;
using Vigia.Server.Tests.Outputs.Webhooks;
using Vigia.Server.Tests.Support;
using Vigia.Storage;

namespace Vigia.Server.Tests;

/// <summary>Retention (<c>Vigia:RetentionDays</c>): on its own loop, by the server's receive time.</summary>
public sealed class RetentionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheSensorMonitorKeepsTicking_WhileRetentionWaitsForTheJournal_AndRetentionKeepsRowsReceivedRecently()
    {
        var start = DateTimeOffset.UtcNow;
        var clock = new ManualClock(start);
        await using var server = new VigiaServerFactory(settings: new Dictionary<string, string?> { ["Vigia:RetentionDays"] = "1" });
        await using var app = server.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var journal = app.Services.GetRequiredService<IJournal>();
        var now = Timestamp.FromDateTimeOffset(start);

        // Received three days ago: deleted. Stamped 2006 by a receiver with a GPS week rollover, received now: kept.
        await journal.AppendObservationsAsync(
        [
            Row("received-long-ago", now.AddSeconds(-3 * 86_400), now.AddSeconds(-3 * 86_400)),
            Row("rolled-over", Timestamp.FromDateTimeOffset(new DateTimeOffset(2006, 9, 17, 12, 0, 0, TimeSpan.Zero)), now),
        ], Ct);

        // Another process holds the write lock, so the next retention run waits for it (up to the busy timeout).
        await using var other = new SqliteConnection($"Data Source={Path.Combine(server.DataDirectory, "vigia.db")};Default Timeout=1");
        await other.OpenAsync(Ct);
        await Exec(other, "BEGIN EXCLUSIVE");
        var frames = 0;
        using (var subscriber = app.Services.GetRequiredService<EventBroadcaster>().Subscribe())
        {
            clock.Advance(TimeSpan.FromHours(2)); // retention is due
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(4.5))
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(Ct);
                wait.CancelAfter(TimeSpan.FromSeconds(4.5) - watch.Elapsed);
                try
                {
                    var frame = await subscriber.Queue.Reader.ReadAsync(wait.Token);
                    frames += Encoding.UTF8.GetString(frame.Span).StartsWith("event: sensors\n", StringComparison.Ordinal) ? 1 : 0;
                }
                catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
                {
                    break;
                }
            }
        }

        await Exec(other, "ROLLBACK");
        clock.Advance(TimeSpan.FromHours(2));
        var left = new List<string?>();
        for (var i = 0; i < 100; i++)
        {
            left.Clear();
            await foreach (var o in journal.ReadObservationsAsync(new ObservationQuery { BySequence = true }, Ct))
            {
                left.Add(o.Observation.ClientId);
            }

            if (left.Count < 2)
            {
                break;
            }

            await Task.Delay(100, Ct);
        }

        Assert.True(frames >= 3, $"{frames} sensor health frames in 4.5 s while retention waited for the journal");
        Assert.Equal(["rolled-over"], left);
    }

    private static JournalObservation Row(string id, Timestamp sensorTime, Timestamp receiveTime) =>
        new(new Observation
        {
            Sensor = new SensorId("rid-1"),
            SensorTime = sensorTime,
            ReceiveTime = receiveTime,
            Measurement = Measurement.RangeAzimuthElevation(1000, 1, 0.1, new Matrix3x3(100, 0, 0, 0, 0.01, 0, 0, 0, 0.01), new Vigia.Core.Geodesy.EnuVector(0, 0, 0)),
            ClientId = id,
        });

    private static async Task Exec(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}

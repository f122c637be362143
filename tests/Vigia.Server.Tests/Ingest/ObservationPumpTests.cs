using System.Threading.Channels;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Server.Ingest;
using Vigia.Storage;

namespace Vigia.Server.Tests.Ingest;

/// <summary>The pump between an in-process input (radar, ADS-B, SAPIENT) and the journal, when the journal cannot keep up or refuses.</summary>
public sealed class ObservationPumpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Observation Plot(int k) => new()
    {
        Sensor = new SensorId("radar-1"),
        SensorTime = Timestamp.FromUnixSeconds(1_764_000_000 + k),
        ReceiveTime = Timestamp.FromUnixSeconds(1_764_000_000 + k),
        Measurement = new Measurement(MeasurementKind.EnuPosition, k, 0, 100, Matrix3x3.Diagonal(25, 25, 25)),
    };

    [Fact]
    public async Task AJournalQueueFullForLong_IsWaitedOut_NothingLost_AndThePumpGoesOn()
    {
        // Full for 120 tries in a row (the pump used to give up, and die, after 50), then accepting again.
        var refusals = 120;
        var journalled = new List<Observation>();
        var errors = new List<string>();
        var pump = new ObservationPump(
            items =>
            {
                if (Interlocked.Decrement(ref refusals) >= 0)
                {
                    throw new JournalOverloadedException("the journal queue is full");
                }

                lock (journalled)
                {
                    journalled.AddRange(items.Select(i => i.Observation));
                }

                return Task.CompletedTask;
            },
            e =>
            {
                lock (errors)
                {
                    errors.Add(e);
                }
            },
            TimeSpan.FromMilliseconds(1),
            TimeSpan.FromMilliseconds(2));
        var channel = Channel.CreateUnbounded<Observation>();
        var pumping = pump.RunAsync(channel.Reader, Ct);

        for (var k = 0; k < 3; k++)
        {
            await channel.Writer.WriteAsync(Plot(k), Ct);
        }

        // Later observations still flow once the journal accepts again.
        await Task.Delay(50, Ct);
        await channel.Writer.WriteAsync(Plot(3), Ct);
        channel.Writer.Complete();
        await pumping.WaitAsync(TimeSpan.FromSeconds(20), Ct);

        Assert.Equal([0.0, 1, 2, 3], journalled.Select(o => o.Measurement.V0).Order());
        Assert.Equal(4, pump.Journalled);
        Assert.True(pump.OverloadWaits >= 120, $"{pump.OverloadWaits} waits");
        Assert.Contains(errors, e => e.StartsWith("journal queue full for 50 tries", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("journal accepting again after", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AJournalThatRefusesABatch_CostsThatBatch_Reported_AndThePumpGoesOn()
    {
        var calls = 0;
        var journalled = new List<Observation>();
        var errors = new List<string>();
        var pump = new ObservationPump(
            items =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    throw new JournalException("disk full");
                }

                journalled.AddRange(items.Select(i => i.Observation));
                return Task.CompletedTask;
            },
            errors.Add);
        var channel = Channel.CreateUnbounded<Observation>();
        var pumping = pump.RunAsync(channel.Reader, Ct);

        await channel.Writer.WriteAsync(Plot(0), Ct);
        await Task.Delay(300, Ct); // the first batch goes (and is refused) on its own
        await channel.Writer.WriteAsync(Plot(1), Ct);
        channel.Writer.Complete();
        await pumping.WaitAsync(TimeSpan.FromSeconds(20), Ct);

        Assert.Equal("1 observations not journalled: disk full", Assert.Single(errors));
        Assert.Equal(1.0, Assert.Single(journalled).Measurement.V0);
    }
}

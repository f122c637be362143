using System.Buffers;
using System.Threading.Channels;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Protocols.Adsb;
using Vigia.Sensors.Adsb;
using Vigia.Testing;

namespace Vigia.Sensors.Tests.Adsb;

/// <summary>
/// The ADS-B adapter over a real loopback TCP connection serving the dump1090-mutability reference outputs
/// (shared/data/adsb/reference, see SOURCES.md): observations equal an offline decode of the same bytes;
/// reconnects after a drop; AVR; loss of sync counted and shown as Degraded; a missing receiver backed off.
/// </summary>
public sealed class AdsbTcpClientTests
{
    private static readonly SensorId Sensor = new("adsb-1");
    private static readonly byte[] Beast = File.ReadAllBytes(TestPaths.SharedData("adsb", "reference", "modes1_2400k.dump1090-mutability.beast.bin"));
    private static readonly byte[] Avr = File.ReadAllBytes(TestPaths.SharedData("adsb", "reference", "modes1_2400k.dump1090-mutability.avr.txt"));

    private static AdsbReceiverOptions Options(int port, AdsbFeedFormat format = AdsbFeedFormat.Beast) => new()
    {
        Port = port,
        Format = format,
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>The observations an offline decode of <paramref name="bytes"/> gives, all at one time.</summary>
    private static List<Observation> Offline(byte[] bytes, AdsbFeedFormat format)
    {
        var decoder = new AdsbStreamDecoder(Sensor, format, new AircraftStateOptions(), TimeSpan.FromSeconds(60));
        var output = new List<Observation>();
        decoder.Process(new ReadOnlySequence<byte>(bytes), Timestamp.FromUnixSeconds(1_700_000_000), output);
        return output;
    }

    private static async Task<List<Observation>> RunUntilAsync(AdsbTcpClient client, int count, Func<bool>? also = null)
    {
        var channel = Channel.CreateUnbounded<Observation>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var run = client.RunAsync(channel.Writer, stop.Token);
        var received = new List<Observation>();
        try
        {
            while (received.Count < count || (also is not null && !also()))
            {
                if (channel.Reader.TryRead(out var observation))
                {
                    received.Add(observation);
                    continue;
                }

                await Task.Delay(10, stop.Token);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await run;
        }

        return received;
    }

    private static void AssertSamePositions(List<Observation> expected, List<Observation> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Measurement.V0, actual[i].Measurement.V0, 1e-9);
            Assert.Equal(expected[i].Measurement.V1, actual[i].Measurement.V1, 1e-9);
        }
    }

    [Fact]
    public async Task BeastFeed_GivesTheOfflinePositionsTaggedWithTheAircraft()
    {
        var expected = Offline(Beast, AdsbFeedFormat.Beast);
        Assert.True(expected.Count >= 60, "offline positions " + expected.Count);
        await using var receiver = new LoopbackReceiver([Beast], holdLast: true);
        var client = new AdsbTcpClient(Sensor, Options(receiver.Port));

        var observations = await RunUntilAsync(client, expected.Count);

        AssertSamePositions(expected, observations);
        Assert.All(observations, o => Assert.Equal("Icao:4D2023", o.UasId));
        Assert.All(observations, o => Assert.Equal(MeasurementKind.GeodeticPosition, o.Measurement.Kind));
        Assert.All(observations, o => Assert.Equal(Sensor, o.Sensor));
        // The peer's own SBS output settles at 37.0° N 13.8° E (south of Sicily) after four early positions
        // at 31.1° N from a pair with a wrong zone; the adapter agrees (the Protocols tests compare line by line).
        Assert.InRange(observations[^1].Measurement.V0, 36.9, 37.1);
        Assert.InRange(observations[^1].Measurement.V1, 13.7, 13.9);
        Assert.All(observations, o => Assert.Equal((ObjectClass.MannedAircraft, EvidenceSource.Adsb), (o.Classification!.Class, o.Classification.Source)));
        Assert.Equal(("AMC421", Sensor), (observations[^1].Classification!.Label, observations[^1].Classification!.Sensor));
        Assert.Equal(277, client.Decoder.Counters.Frames);
        Assert.Equal(277, client.Decoder.Counters.Decoded);
        Assert.Equal((0, 0, 0L), (client.Decoder.Counters.CrcErrors, client.Decoder.Counters.FramingErrors, client.Decoder.UnexpectedErrors));
        Assert.Equal(1, client.Connects);
    }

    [Fact]
    public async Task DroppedConnection_IsReconnectedAndTheFullStreamRead()
    {
        var expected = Offline(Beast, AdsbFeedFormat.Beast);

        // The first connection ends in the middle of a frame; the second serves the whole file.
        await using var receiver = new LoopbackReceiver([Beast[..1001], Beast], holdLast: true);
        var client = new AdsbTcpClient(Sensor, Options(receiver.Port));
        var firstPart = Offline(Beast[..1001], AdsbFeedFormat.Beast).Count;

        var observations = await RunUntilAsync(client, firstPart + expected.Count, () => client.Connects >= 2);

        Assert.Equal(2, client.Connects);
        Assert.True(client.Disconnects >= 1);
        Assert.Equal(firstPart + expected.Count, observations.Count);
    }

    [Fact]
    public async Task AvrFeed_GivesTheSamePositionsAsBeast()
    {
        var expected = Offline(Beast, AdsbFeedFormat.Beast);
        AssertSamePositions(expected, Offline(Avr, AdsbFeedFormat.Avr));
        await using var receiver = new LoopbackReceiver([Avr], holdLast: true);
        var client = new AdsbTcpClient(Sensor, Options(receiver.Port, AdsbFeedFormat.Avr));

        var observations = await RunUntilAsync(client, expected.Count);

        AssertSamePositions(expected, observations);
        Assert.Equal(277, client.Decoder.Counters.Frames);
    }

    [Fact]
    public async Task GarbageInTheStream_IsCountedAndTheConnectionReadsDegraded()
    {
        byte[] garbage = [0x00, 0x17, 0x42, 0x99, 0x1a, 0x39, 0x07];
        await using var receiver = new LoopbackReceiver([[.. garbage, .. Beast]], holdLast: true);
        var client = new AdsbTcpClient(Sensor, Options(receiver.Port) with { DegradedAfterResync = TimeSpan.FromMinutes(5) });
        var states = new List<AdsbConnectionState> { client.State };

        await RunUntilAsync(client, Offline(Beast, AdsbFeedFormat.Beast).Count, () =>
        {
            states.Add(client.State);
            return client.Decoder.Counters.Frames == 277;
        });

        Assert.Equal(AdsbConnectionState.Down, states[0]);
        Assert.Contains(AdsbConnectionState.Degraded, states);
        Assert.Equal(2, client.Decoder.Counters.FramingErrors);
        Assert.Equal(garbage.Length, client.Decoder.Counters.BytesSkipped);
        Assert.Equal(AdsbConnectionState.Down, client.State);
    }

    [Fact]
    public async Task ReceiverThatGoesSilent_IsDroppedAfterTheIdleTimeoutReadsDownAndIsReconnected()
    {
        // The receiver sends part of the feed, then nothing, and keeps the connection open: as a dump1090 host
        // that lost power looks from here (no FIN, no reset; this client never sends).
        var part = Beast[..1001];
        await using var receiver = new LoopbackReceiver([part], holdLast: true);
        var client = new AdsbTcpClient(Sensor, Options(receiver.Port) with
        {
            IdleTimeout = TimeSpan.FromMilliseconds(300),
            ReconnectInitialDelay = TimeSpan.FromMilliseconds(500),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
        });
        var states = new List<AdsbConnectionState>();

        var observations = await RunUntilAsync(client, Offline(part, AdsbFeedFormat.Beast).Count, () =>
        {
            states.Add(client.State);
            return client.Connects >= 2;
        });

        Assert.Equal(1, client.IdleTimeouts);
        Assert.True(client.Disconnects >= 1);
        Assert.Equal(Offline(part, AdsbFeedFormat.Beast).Count, observations.Count);
        var up = states.IndexOf(AdsbConnectionState.Up);
        Assert.True(up >= 0, "never up");
        Assert.Contains(AdsbConnectionState.Down, states[up..]);
    }

    [Fact]
    public async Task NoReceiver_CountsFailedConnectsAndStaysDown()
    {
        int port;
        await using (var closed = new LoopbackReceiver([]))
        {
            port = closed.Port;
        }

        var client = new AdsbTcpClient(Sensor, Options(port));
        await RunUntilAsync(client, 0, () => client.ConnectFailures >= 3);
        Assert.Equal(0, client.Connects);
        Assert.Equal(AdsbConnectionState.Down, client.State);
    }

    [Fact]
    public async Task ClosedOutputChannel_EndsTheRun()
    {
        await using var receiver = new LoopbackReceiver([Beast], holdLast: true);
        var client = new AdsbTcpClient(Sensor, Options(receiver.Port));
        var channel = Channel.CreateUnbounded<Observation>();
        channel.Writer.Complete();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await client.RunAsync(channel.Writer, timeout.Token);

        Assert.False(timeout.IsCancellationRequested);
        Assert.Equal(1, client.Connects);
        Assert.Equal(AdsbConnectionState.Down, client.State);
    }

    [Fact]
    public void Options_OutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdsbTcpClient(Sensor, new AdsbReceiverOptions { Port = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdsbTcpClient(Sensor, new AdsbReceiverOptions { ReconnectMaxDelay = TimeSpan.FromMilliseconds(1) }));
        Assert.ThrowsAny<ArgumentException>(() => new AdsbTcpClient(Sensor, new AdsbReceiverOptions { Host = " " }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdsbTcpClient(Sensor, new AdsbReceiverOptions { Aircraft = new AircraftStateOptions { Capacity = 0 } }));
    }
}

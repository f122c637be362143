using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Vigia.Core.Observations;
using Vigia.Protocols.Asterix;
using Vigia.Sensors.Radar;

namespace Vigia.Sensors.Tests.Radar;

/// <summary>ASTERIX over UDP on the loopback interface only: unicast, and multicast on <c>lo</c> with TTL 0.</summary>
public sealed class UdpAsterixReceiverTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Unicast_DatagramBecomesAnObservation()
    {
        var adapter = new RadarAdapter(RadarTestData.CaptureOptions());
        using var receiver = new UdpAsterixReceiver(adapter, new UdpAsterixReceiverOptions { ListenEndPoint = new IPEndPoint(IPAddress.Loopback, 0) });
        var channel = Channel.CreateBounded<Observation>(16);
        using var stop = new CancellationTokenSource();
        var run = receiver.RunAsync(channel.Writer, stop.Token);

        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        await sender.SendToAsync(RadarTestData.Raw("cat048.raw"), receiver.LocalEndPoint);

        using var timeout = new CancellationTokenSource(Patience);
        var observation = await channel.Reader.ReadAsync(timeout.Token);
        Assert.Equal(("radar-201", "Icao:3C660C", MeasurementKind.RangeAzimuthElevation), (observation.Sensor.Value, observation.UasId, observation.Measurement.Kind));
        Assert.Equal(1, receiver.Datagrams);
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RedundantMulticastGroupsOnLoopback_ShareOneAdapter_AndTheSecondCopyIsADuplicate()
    {
        var adapter = new RadarAdapter(RadarTestData.CaptureOptions());
        var third = Random.Shared.Next(1, 250);
        var groupA = IPAddress.Parse($"239.255.{third}.1");
        var groupB = IPAddress.Parse($"239.255.{third}.2");
        using var receiverA = Join(adapter, groupA);
        using var receiverB = Join(adapter, groupB);
        var channel = Channel.CreateBounded<Observation>(16);
        using var stop = new CancellationTokenSource();
        var runs = new[] { receiverA.RunAsync(channel.Writer, stop.Token), receiverB.RunAsync(channel.Writer, stop.Token) };

        using var sender = LoopbackMulticastSender();
        var datagram = RadarTestData.Raw("cat048.raw");
        await sender.SendToAsync(datagram, new IPEndPoint(groupA, receiverA.LocalEndPoint.Port));
        using var timeout = new CancellationTokenSource(Patience);
        var observation = await channel.Reader.ReadAsync(timeout.Token);
        await sender.SendToAsync(datagram, new IPEndPoint(groupB, receiverB.LocalEndPoint.Port));
        await WaitUntil(() => adapter.Datagrams == 2);

        Assert.Equal("Icao:3C660C", observation.UasId);
        Assert.False(channel.Reader.TryRead(out _));
        var counters = adapter.Counters[new DataSourceIdentifier(25, 201)];
        Assert.Equal((2L, 1L, 1L), (counters.Records, counters.Duplicates, counters.Observations));
        Assert.Equal((1L, 1L), (receiverA.Datagrams, receiverB.Datagrams));
        await stop.CancelAsync();
        await Task.WhenAll(runs);
    }

    [Fact]
    public void Options_RefuseANonMulticastGroupAndIpv6()
    {
        var adapter = new RadarAdapter(RadarTestData.CaptureOptions());
        Assert.Throws<ArgumentException>(() => new UdpAsterixReceiver(adapter, new UdpAsterixReceiverOptions { MulticastGroup = IPAddress.Parse("10.0.0.1") }));
        Assert.Throws<ArgumentException>(() => new UdpAsterixReceiver(adapter, new UdpAsterixReceiverOptions { ListenEndPoint = new IPEndPoint(IPAddress.IPv6Loopback, 0) }));
    }

    private static UdpAsterixReceiver Join(RadarAdapter adapter, IPAddress group) =>
        new(adapter, new UdpAsterixReceiverOptions { MulticastGroup = group, MulticastInterface = IPAddress.Loopback });

    /// <summary>A sender that keeps multicast on this host: out through <c>lo</c>, TTL 0, looped back to local members.</summary>
    private static Socket LoopbackMulticastSender()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, IPAddress.Loopback.GetAddressBytes());
        socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, 0);
        socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastLoopback, true);
        return socket;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(10);
        }
    }
}

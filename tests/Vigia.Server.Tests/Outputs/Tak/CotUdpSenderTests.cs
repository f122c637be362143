using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Xml.Linq;
using Vigia.Alerting.Cot;
using Vigia.Server.Outputs.Tak;

namespace Vigia.Server.Tests.Outputs.Tak;

/// <summary>CoT over real UDP sockets on this machine only (loopback unicast; multicast on <c>lo</c> with TTL 0).</summary>
public sealed class CotUdpSenderTests
{
    [Fact]
    public async Task Unicast_OneDatagramPerEvent_ParsesBackToTheEvent()
    {
        using var receiver = TakTestHost.LoopbackReceiver();
        await using var host = new TakTestHost(new Dictionary<string, string?>
        {
            ["Vigia:Tak:Udp:Enabled"] = "true",
            ["Vigia:Tak:Udp:Address"] = "127.0.0.1",
            ["Vigia:Tak:Udp:Port"] = TakTestHost.Port(((IPEndPoint)receiver.LocalEndPoint!).Port),
        });
        var sent = host.Get<CotEventBuilder>().Track(TakSamples.Track(12));

        host.Publisher.Publish(sent);

        var back = TakTestHost.ParseDatagram(await TakTestHost.ReceiveAsync(receiver));
        Assert.Equal(sent.ToString(SaveOptions.DisableFormatting), back.ToString(SaveOptions.DisableFormatting));
        Assert.Equal(("vigia-track-12", "a-u-A-M-H-Q"), ((string)back.Attribute("uid")!, (string)back.Attribute("type")!));
        Assert.Equal(1, host.Metrics.Snapshot().UdpSent);
    }

    [Fact]
    public async Task Multicast_OnLoopbackWithTtl0_ReachesAGroupMemberOnThisMachine()
    {
        var lo = NetworkInterface.GetAllNetworkInterfaces().Single(n => n.NetworkInterfaceType == NetworkInterfaceType.Loopback);
        var group = IPAddress.Parse(TakUdpOptions.DefaultAddress);
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(IPAddress.Any, 0));
        receiver.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(group, lo.GetIPProperties().GetIPv4Properties().Index));
        await using var host = new TakTestHost(new Dictionary<string, string?>
        {
            ["Vigia:Tak:Udp:Enabled"] = "true",
            ["Vigia:Tak:Udp:Port"] = TakTestHost.Port(((IPEndPoint)receiver.LocalEndPoint!).Port),
            ["Vigia:Tak:Udp:Interface"] = lo.Name,
            ["Vigia:Tak:Udp:Ttl"] = "0",
        });
        Assert.Equal(new IPEndPoint(group, ((IPEndPoint)receiver.LocalEndPoint!).Port), host.Get<CotUdpSender>().Destination);

        host.Publisher.Publish(host.Get<CotEventBuilder>().Track(TakSamples.Track(7)));

        var back = TakTestHost.ParseDatagram(await TakTestHost.ReceiveAsync(receiver));
        Assert.Equal("vigia-track-7", (string)back.Attribute("uid")!);
    }

    [Fact]
    public async Task Disabled_SendsNothing()
    {
        using var receiver = TakTestHost.LoopbackReceiver();
        await using var host = new TakTestHost(new Dictionary<string, string?>
        {
            ["Vigia:Tak:Udp:Address"] = "127.0.0.1",
            ["Vigia:Tak:Udp:Port"] = TakTestHost.Port(((IPEndPoint)receiver.LocalEndPoint!).Port),
        });

        host.Publisher.Publish(host.Get<CotEventBuilder>().Track(TakSamples.Track(1)));
        await Task.Delay(200, TestContext.Current.CancellationToken);

        Assert.False(host.Publisher.Enabled);
        Assert.Equal(0, receiver.Available);
        Assert.Equal(0, host.Metrics.Snapshot().UdpSent);
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Xml.Linq;
using Vigia.Alerting.Cot;
using Vigia.Server.Outputs.Tak;

namespace Vigia.Server.Tests.Outputs.Tak;

/// <summary>CoT streamed to a real TCP listener on 127.0.0.1 standing in for a TAK Server.</summary>
public sealed class CotTcpClientTests
{
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    [Fact]
    public async Task Events_AreStreamedBackToBack_EachWithItsDeclaration()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        await using var host = Host(Port(listener));
        await host.Get<CotTcpClient>().StartAsync(TestContext.Current.CancellationToken);
        using var server = await AcceptAsync(listener);

        foreach (var id in new long[] { 1, 2, 3 })
        {
            host.Publisher.Publish(host.Get<CotEventBuilder>().Track(TakSamples.Track(id)));
        }

        var events = await ReadEventsAsync(server, 3);
        Assert.Equal(["vigia-track-1", "vigia-track-2", "vigia-track-3"], events.Select(e => (string)e.Attribute("uid")!));
        await TakTestHost.EventuallyAsync(() => host.Metrics.Snapshot().TcpSent == 3, "three sent");
        Assert.Equal(1, host.Metrics.Snapshot().TcpConnects);
        Assert.True(host.Get<CotTcpClient>().IsConnected);
    }

    [Fact]
    public async Task ServerClosing_TheClientReconnects_AndTheNextEventArrives()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        await using var host = Host(Port(listener));
        var builder = host.Get<CotEventBuilder>();
        await host.Get<CotTcpClient>().StartAsync(TestContext.Current.CancellationToken);

        using (var first = await AcceptAsync(listener))
        {
            host.Publisher.Publish(builder.Track(TakSamples.Track(1)));
            Assert.Equal("vigia-track-1", (string)(await ReadEventsAsync(first, 1))[0].Attribute("uid")!);
        }

        await TakTestHost.EventuallyAsync(() => host.Metrics.Snapshot().TcpDisconnects == 1, "the client saw the server close");
        host.Publisher.Publish(builder.Track(TakSamples.Track(2)));
        using var second = await AcceptAsync(listener);

        Assert.Equal("vigia-track-2", (string)(await ReadEventsAsync(second, 1))[0].Attribute("uid")!);
        Assert.Equal(2, host.Metrics.Snapshot().TcpConnects);
    }

    [Fact]
    public async Task WhileDisconnected_TheQueueKeepsTheNewest_AndCountsTheDropped()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = Port(listener);
        listener.Stop();
        await using var host = Host(port, queueCapacity: 3);
        var builder = host.Get<CotEventBuilder>();

        for (var id = 1; id <= 10; id++)
        {
            host.Publisher.Publish(builder.Track(TakSamples.Track(id)));
        }

        var counters = host.Metrics.Snapshot();
        Assert.Equal((10, 7, 3), (counters.TcpQueued, counters.TcpDropped, counters.TcpQueueDepth));

        using var restarted = new TcpListener(IPAddress.Loopback, port);
        restarted.Start();
        await host.Get<CotTcpClient>().StartAsync(TestContext.Current.CancellationToken);
        using var server = await AcceptAsync(restarted);
        var events = await ReadEventsAsync(server, 3);
        Assert.Equal(["vigia-track-8", "vigia-track-9", "vigia-track-10"], events.Select(e => (string)e.Attribute("uid")!));
    }

    [Fact]
    public async Task NobodyListening_AttemptsFailAndBackOff_WithoutThrowing()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = Port(listener);
        listener.Stop();
        await using var host = Host(port);

        await host.Get<CotTcpClient>().StartAsync(TestContext.Current.CancellationToken);

        await TakTestHost.EventuallyAsync(() => host.Metrics.Snapshot().TcpConnectFailures >= 2, "two failed attempts");
        Assert.False(host.Get<CotTcpClient>().IsConnected);
    }

    [Fact]
    public async Task Backoff_DoublesFromTheMinimum_UpToTheMaximum()
    {
        await using var host = new TakTestHost(new Dictionary<string, string?>
        {
            ["Vigia:Tak:Tcp:Host"] = "tak.example",
            ["Vigia:Tak:Tcp:ReconnectMinSeconds"] = "0.5",
            ["Vigia:Tak:Tcp:ReconnectMaxSeconds"] = "3",
        });
        var client = host.Get<CotTcpClient>();

        Assert.Equal(
            [0.5, 0.5, 1, 2, 3, 3],
            new[] { 0, 1, 2, 3, 4, 40 }.Select(f => client.Backoff(f).TotalSeconds));
    }

    private static TakTestHost Host(int port, int queueCapacity = 100) => new(new Dictionary<string, string?>
    {
        ["Vigia:Tak:Tcp:Enabled"] = "true",
        ["Vigia:Tak:Tcp:Host"] = "127.0.0.1",
        ["Vigia:Tak:Tcp:Port"] = TakTestHost.Port(port),
        ["Vigia:Tak:Tcp:QueueCapacity"] = TakTestHost.Port(queueCapacity),
        ["Vigia:Tak:Tcp:ReconnectMinSeconds"] = "0.05",
        ["Vigia:Tak:Tcp:ReconnectMaxSeconds"] = "0.2",
    });

    private static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

    private static async Task<Socket> AcceptAsync(TcpListener listener)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await listener.AcceptSocketAsync(timeout.Token);
    }

    /// <summary>Reads the stream until <paramref name="count"/> events have arrived, splitting after each <c>&lt;/event&gt;</c>.</summary>
    private static async Task<List<XElement>> ReadEventsAsync(Socket socket, int count)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var text = new StringBuilder();
        var buffer = new byte[4096];
        var events = new List<XElement>();
        while (events.Count < count)
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            Assert.True(n > 0, "the client closed the stream");
            text.Append(Encoding.UTF8.GetString(buffer, 0, n));
            for (var end = text.ToString().IndexOf("</event>", StringComparison.Ordinal); end >= 0; end = text.ToString().IndexOf("</event>", StringComparison.Ordinal))
            {
                var one = text.ToString(0, end + "</event>".Length);
                text.Remove(0, one.Length);
                Assert.StartsWith(Declaration + "<event ", one, StringComparison.Ordinal);
                events.Add(XDocument.Parse(one).Root!);
            }
        }

        Assert.Equal(string.Empty, text.ToString());
        return events;
    }
}

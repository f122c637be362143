using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigia.Server.Hosting;
using Vigia.Server.Outputs.Tak;

namespace Vigia.Server.Tests.Outputs.Tak;

/// <summary>
/// The TAK services as <c>AddVigiaTak</c> registers them, from in-memory configuration, without the rest of the
/// server. Everything stays on this machine: loopback unicast, or multicast with TTL 0.
/// </summary>
internal sealed class TakTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public TakTestHost(IReadOnlyDictionary<string, string?> settings, bool exercise = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<VigiaServerOptions>(o => o.Exercise = exercise);
        services.AddVigiaTak(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public ICotPublisher Publisher => Get<ICotPublisher>();

    public TakMetrics Metrics => Get<TakMetrics>();

    public async ValueTask DisposeAsync()
    {
        try
        {
            _ = Get<IOptions<TakOptions>>().Value;
            await Get<CotTcpClient>().StopAsync(CancellationToken.None);
        }
        catch (OptionsValidationException)
        {
            // Tests of bad settings: nothing was built, nothing to stop.
        }

        await _services.DisposeAsync();
    }

    public static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Waits until <paramref name="condition"/> holds (at most 10 s), then asserts it.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(condition(), what);
    }

    /// <summary>One datagram as received, checked to be the declaration, a newline and one event.</summary>
    public static XElement ParseDatagram(byte[] datagram)
    {
        var text = Encoding.UTF8.GetString(datagram);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<event ", text, StringComparison.Ordinal);
        Assert.EndsWith("</event>", text, StringComparison.Ordinal);
        return XDocument.Parse(text).Root!;
    }

    public static async Task<byte[]> ReceiveAsync(Socket socket)
    {
        var buffer = new byte[65_536];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var n = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        return buffer[..n];
    }

    public static Socket LoopbackReceiver()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}

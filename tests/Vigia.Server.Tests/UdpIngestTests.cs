using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Vigia.Server.Ingest;
using Vigia.Server.Tests.Support;
using Vigia.Storage;
using static Vigia.Server.Tests.Support.ObservationJson;

namespace Vigia.Server.Tests;

/// <summary>The UDP JSON-lines listener: each line stands alone; bad lines are counted, good ones journalled.</summary>
public sealed class UdpIngestTests : IAsyncLifetime
{
    private readonly int _port = FreeUdpPort();
    private readonly VigiaServerFactory _app;

    public UdpIngestTests() => _app = new VigiaServerFactory(settings: new Dictionary<string, string?> { ["Vigia:UdpPort"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ADatagramWithGoodAndBadLines_JournalsTheGoodOnes_AndCountsTheBad()
    {
        var token = await _app.AddSensorAsync("rid-1", "remote-id");
        var t = DateTimeOffset.UtcNow;
        string WithToken(string json, string secret) => json.Insert(1, $"\"token\":\"{secret}\",");
        var lines = string.Join('\n',
            WithToken(Geodetic("rid-1", "u-1", t, 19.2, -102.8, 500, "UDP-1"), token),
            "{not json",
            WithToken(Geodetic("rid-1", "u-2", t.AddSeconds(1), 91, -102.8, 500), token),
            WithToken(Geodetic("rid-1", "u-3", t.AddSeconds(1), 19.2, -102.8, 500, "UDP-1"), "vgs_wrong"),
            WithToken(Geodetic("rid-1", "u-4", t.AddSeconds(2), 19.2001, -102.8, 500, "UDP-1"), token));
        var service = _app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<UdpIngestService>().Single();

        using var udp = new UdpClient();
        await udp.SendAsync(Encoding.UTF8.GetBytes(lines), new IPEndPoint(IPAddress.Loopback, _port), TestContext.Current.CancellationToken);

        for (var i = 0; i < 100 && service.LinesAccepted + service.LinesRefused < 5; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal((2, 3), (service.LinesAccepted, service.LinesRefused));
        var ids = new List<string?>();
        await foreach (var o in _app.Journal.ReadObservationsAsync(new ObservationQuery { BySequence = true }, TestContext.Current.CancellationToken))
        {
            ids.Add(o.Observation.ClientId);
        }

        Assert.Equal(["u-1", "u-4"], ids);
    }

    private static int FreeUdpPort()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }
}

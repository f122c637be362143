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

    [Fact]
    public async Task DatagramsThatOnceStoppedTheListener_AreRefusedLines_AndAGoodDatagramAfterThemIsTracked()
    {
        var token = await _app.AddSensorAsync("rid-1", "remote-id");
        var viewer = await _app.AddKeyAsync("screen", ApiKeyRole.Viewer);
        var service = _app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<UdpIngestService>().Single();
        var t = DateTimeOffset.UtcNow;
        using var udp = new UdpClient();
        var to = new IPEndPoint(IPAddress.Loopback, _port);

        // A lone surrogate escape (cannot be read as a string), a time past 2262 (cannot be held in nanoseconds).
        string[] poison =
        [
            """{"token":"\udc00"}""",
            WithToken(Geodetic("rid-1", "far-1", t, 19.2, -102.8, 500), token).Replace(Time(t), "9999-01-01T00:00:00Z", StringComparison.Ordinal),
            WithToken(Geodetic("rid-1", "far-2", t, 19.2, -102.8, 500), token).Replace(Time(t), "2263-01-01T00:00:00Z", StringComparison.Ordinal),
        ];
        foreach (var datagram in poison)
        {
            await udp.SendAsync(Encoding.UTF8.GetBytes(datagram), to, Ct);
        }

        for (var i = 0; i < 100 && service.LinesRefused < poison.Length; i++)
        {
            await Task.Delay(50, Ct);
        }

        var good = string.Join('\n', Enumerable.Range(0, 3).Select(k => WithToken(Geodetic("rid-1", $"ok-{k}", t.AddSeconds(k), 19.2 + (k * 1e-4), -102.8, 500, "UDP-9"), token)));
        await udp.SendAsync(Encoding.UTF8.GetBytes(good), to, Ct);
        using var client = _app.ClientWith(viewer);
        var tracked = false;
        for (var i = 0; i < 100 && !tracked; i++)
        {
            await Task.Delay(100, Ct);
            tracked = (await client.GetStringAsync("/api/v1/tracks", Ct)).Contains("UDP-9", StringComparison.Ordinal);
        }

        Assert.Equal((3, 3), (service.LinesAccepted, service.LinesRefused));
        Assert.Equal(3, await _app.Journal.CountObservationsAsync(Ct));
        Assert.True(tracked, "the good datagram after the bad ones is tracked");
    }

    [Fact]
    public async Task ABurstOfDatagrams_IsAllJournalled_InGroupCommits()
    {
        const int Count = 2_000;
        var token = await _app.AddSensorAsync("rid-1", "remote-id");
        var service = _app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<UdpIngestService>().Single();
        var t = DateTimeOffset.UtcNow;
        var datagrams = Enumerable.Range(0, Count)
            .Select(k => Encoding.UTF8.GetBytes(WithToken(Geodetic("rid-1", $"b-{k}", t.AddMilliseconds(k), 19.2, -102.8, 500, "UDP-B"), token)))
            .ToList();
        using var udp = new UdpClient();
        var to = new IPEndPoint(IPAddress.Loopback, _port);

        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var k = 0; k < Count; k++)
        {
            await udp.SendAsync(datagrams[k], to, Ct);
            if (k % 200 == 199)
            {
                await Task.Delay(1, Ct); // a field receiver's burst, not a flood
            }
        }

        for (var i = 0; i < 200 && service.LinesAccepted < Count; i++)
        {
            await Task.Delay(50, Ct);
        }

        Assert.Equal(Count, service.LinesAccepted);
        Assert.Equal(Count, await _app.Journal.CountObservationsAsync(Ct));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed.TotalSeconds:F1} s");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string WithToken(string json, string secret) => json.Insert(1, $"\"token\":\"{secret}\",");

    private static int FreeUdpPort()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }
}

using System.Net;
using System.Net.Sockets;
using Vigia.Server.Tests.Outputs.Tak;
using Vigia.Server.Tests.Support;
using Vigia.Storage;
using static Vigia.Server.Tests.Support.ObservationJson;

namespace Vigia.Server.Tests.Threats;

/// <summary>A sensor that stops reporting → a coverage-lost alert → the covered zone's outline on TAK, parsed back from a loopback UDP socket.</summary>
public sealed class CoverageLostTakTests : IAsyncDisposable
{
    private readonly string _dataDirectory = Vigia.Testing.TestPaths.NewTempDirectory();
    private VigiaServerFactory? _app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task ASensorGoingDown_SendsItsZonesOutlineToTak_NamingTheSensor()
    {
        using var receiver = TakTestHost.LoopbackReceiver();
        _app = new VigiaServerFactory(_dataDirectory, new Dictionary<string, string?>
        {
            ["Vigia:SensorDegradedAfterSeconds"] = "1",
            ["Vigia:SensorDownAfterSeconds"] = "2.5",
            ["Vigia:Tak:Udp:Enabled"] = "true",
            ["Vigia:Tak:Udp:Address"] = "127.0.0.1",
            ["Vigia:Tak:Udp:Port"] = TakTestHost.Port(((IPEndPoint)receiver.LocalEndPoint!).Port),
        });
        var radar = _app.ClientWith(await _app.AddSensorAsync("radar-1", "radar", VigiaServerFactory.RadarPosition));
        var op = _app.ClientWith(await _app.AddKeyAsync("ana", ApiKeyRole.Operator));
        using (var zone = await op.PostAsync("/api/v1/zones", Content(ZonesApiTests.CircleZone("el-bejuco", 19.2, -102.84, 300)), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, zone.StatusCode);
        }

        // One plot, so the sensor is seen reporting; then silence.
        using (var r = await radar.PostAsync("/api/v1/observations", Content(Rae("radar-1", "s-0", DateTimeOffset.UtcNow, 1500, 60, 3)), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        var outline = await FirstAsync(receiver, e => ((string)e.Attribute("type")!).StartsWith("u-d-", StringComparison.Ordinal));

        Assert.Equal("u-d-c-c", (string)outline.Attribute("type")!);
        Assert.EndsWith("-zone-el-bejuco", (string)outline.Attribute("uid")!, StringComparison.Ordinal);
        Assert.Equal("300.0", (string)outline.Element("detail")!.Element("shape")!.Element("ellipse")!.Attribute("major")!);
        Assert.Contains("radar-1", outline.Element("detail")!.Element("remarks")!.Value, StringComparison.Ordinal);
        Assert.Equal("radar-1", (string)outline.Element("detail")!.Element("__vigia")!.Attribute("sensor_id")!);
    }

    /// <summary>The first datagram whose event satisfies <paramref name="match"/>, within 20 s (track events are skipped).</summary>
    private static async Task<System.Xml.Linq.XElement> FirstAsync(Socket receiver, Func<System.Xml.Linq.XElement, bool> match)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var e = TakTestHost.ParseDatagram(await TakTestHost.ReceiveAsync(receiver));
            if (match(e))
            {
                return e;
            }
        }

        throw new Xunit.Sdk.XunitException("no matching CoT event within 20 s");
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vigia.Server.Ingest;
using Vigia.Server.Tests.Support;
using Vigia.Storage;
using Vigia.Testing;

namespace Vigia.Server.Tests;

/// <summary>The in-process Remote ID source: a shared capture played into the journal and the picture.</summary>
public sealed class RemoteIdSourceTests
{
    [Fact]
    public async Task APcapSource_JournalsEachPositionWithItsRawFrame_AndPlayingItAgainAddsNothing()
    {
        var capture = TestPaths.SharedData("remoteid", "odid_wifi_bcn_sample.pcap");
        var settings = new Dictionary<string, string?>
        {
            ["Vigia:RemoteIdSources:0:Sensor"] = "rid-1",
            ["Vigia:RemoteIdSources:0:Pcap"] = capture,
            ["Vigia:RemoteIdSources:0:Pace"] = "false",
        };
        var dir = TestPaths.NewTempDirectory();
        long journalled;
        await using (var app = new VigiaServerFactory(dir, settings))
        {
            await app.AddSensorAsync("rid-1", "remote-id");
            var source = app.Services.GetServices<IHostedService>().OfType<RemoteIdSourceService>().Single();
            for (var i = 0; i < 200 && source.SourcesEnded == 0; i++)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }

            Assert.Equal(1, source.SourcesEnded);
            journalled = await app.Journal.CountObservationsAsync(TestContext.Current.CancellationToken);
            Assert.True(journalled > 0, "the capture holds Remote ID positions");
            Assert.Equal(journalled, source.ObservationsJournalled);
            await foreach (var o in app.Journal.ReadObservationsAsync(new ObservationQuery { Limit = 5 }, TestContext.Current.CancellationToken))
            {
                Assert.NotNull(o.Raw);
                Assert.NotEmpty(o.Raw);
                Assert.NotNull(o.Observation.UasId);
                Assert.Matches("^pcap:[0-9a-f]{16}:[0-9]+$", o.Observation.ClientId);
            }

            // The sample's Location timestamps are a placeholder (0 s after the hour): rebuilt against its
            // capture clock they lie ~8 min ahead of it, so the tracker, which never runs past the server
            // clock, counts them as future instead of tracking them.
            var loop = app.Services.GetRequiredService<Vigia.Server.Pipeline.TrackerLoop>();
            for (var i = 0; i < 40 && loop.Future < journalled; i++)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }

            Assert.Equal(journalled, loop.Future);
        }

        await using (var again = new VigiaServerFactory(dir, settings))
        {
            var source = again.Services.GetServices<IHostedService>().OfType<RemoteIdSourceService>().Single();
            for (var i = 0; i < 200 && source.SourcesEnded == 0; i++)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }

            Assert.Equal(journalled, await again.Journal.CountObservationsAsync(TestContext.Current.CancellationToken));
        }

        // A different recording under the same file name (a new capture saved over the old one) is journalled: here
        // the same frames with the last byte of the file changed.
        var other = Path.Combine(TestPaths.NewTempDirectory(), "odid_wifi_bcn_sample.pcap");
        var bytes = File.ReadAllBytes(capture);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(other, bytes);
        settings["Vigia:RemoteIdSources:0:Pcap"] = other;
        await using (var renamed = new VigiaServerFactory(dir, settings))
        {
            var source = renamed.Services.GetServices<IHostedService>().OfType<RemoteIdSourceService>().Single();
            for (var i = 0; i < 200 && source.SourcesEnded == 0; i++)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }

            Assert.True(source.ObservationsJournalled > 0, "the other recording holds Remote ID positions");
            Assert.Equal(journalled + source.ObservationsJournalled, await renamed.Journal.CountObservationsAsync(TestContext.Current.CancellationToken));
        }
    }
}

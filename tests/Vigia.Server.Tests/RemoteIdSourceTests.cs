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
    public async Task APcapSource_JournalsEachPositionWithItsRawFrame_AndTracksTheDrone_AndPlayingItAgainAddsNothing()
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

            // The sample's Location timestamps are a placeholder (0 s after the hour), ~8 min from its capture
            // clock: flagged, and the receive time stands in (RemoteIdObservations.PositionTime), so the drone
            // is tracked and nothing is counted as stamped in the future.
            var loop = app.Services.GetRequiredService<Vigia.Server.Pipeline.TrackerLoop>();
            var key = await app.AddKeyAsync("screen", ApiKeyRole.Viewer);
            using var viewer = app.ClientWith(key);
            var cooperative = false;
            for (var i = 0; i < 40 && !cooperative; i++)
            {
                using var picture = System.Text.Json.JsonDocument.Parse(await viewer.GetStringAsync("/api/v1/tracks", TestContext.Current.CancellationToken));
                cooperative = picture.RootElement.GetProperty("tracks").EnumerateArray().Any(t => t.GetProperty("cooperative").GetBoolean());
                if (!cooperative)
                {
                    await Task.Delay(50, TestContext.Current.CancellationToken);
                }
            }

            Assert.True(cooperative, "the replayed drone is in the picture");
            Assert.Equal(0, loop.Future);
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

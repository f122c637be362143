using System.Net;
using System.Text.Json;
using Vigia.Server.Tests.Support;
using Vigia.Storage;
using static Vigia.Server.Tests.Support.ObservationJson;

namespace Vigia.Server.Tests;

/// <summary>A restarted server rebuilds its live picture from the journal and never reuses a track number.</summary>
public sealed class RecoveryTests
{
    [Fact]
    public async Task ARestartedServer_RebuildsThePictureFromTheJournal_WithNewTrackNumbers()
    {
        var dir = Vigia.Testing.TestPaths.NewTempDirectory();
        long firstId;
        string key;
        await using (var first = new VigiaServerFactory(dir))
        {
            var rid = first.ClientWith(await first.AddSensorAsync("rid-1", "remote-id"));
            key = await first.AddKeyAsync("screen", ApiKeyRole.Viewer);
            var t0 = DateTimeOffset.UtcNow.AddSeconds(-4);
            for (var k = 0; k < 4; k++)
            {
                using var r = await rid.PostAsync("/api/v1/observations", Content(Geodetic("rid-1", $"p-{k}", t0.AddSeconds(k), 19.2 + (k * 1e-5), -102.8, 500, uasId: "DRONE-7")), TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            }

            firstId = await WaitForTrackAsync(first.ClientWith(key), "DRONE-7");
            await WaitForJournalledTrackAsync(first.Journal, firstId);
        }

        await using var second = new VigiaServerFactory(dir);
        using var viewer = second.ClientWith(key);
        var recoveredId = await WaitForTrackAsync(viewer, "DRONE-7");

        Assert.True(recoveredId > firstId, $"track {recoveredId} after restart must be numbered above {firstId}");
    }

    private static async Task<long> WaitForTrackAsync(HttpClient viewer, string uasId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var response = await viewer.GetAsync("/api/v1/tracks", TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
                foreach (var t in doc.RootElement.GetProperty("tracks").EnumerateArray())
                {
                    if (t.TryGetProperty("uas_id", out var id) && id.GetString() == uasId)
                    {
                        return t.GetProperty("id").GetInt64();
                    }
                }
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        using var last = await viewer.GetAsync("/api/v1/tracks", TestContext.Current.CancellationToken);
        Assert.Fail($"no track {uasId} in the picture within 5 s: {(int)last.StatusCode} {await last.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return 0;
    }

    private static async Task WaitForJournalledTrackAsync(IJournal journal, long id)
    {
        for (var attempt = 0; attempt < 100 && await journal.MaxTrackIdAsync(TestContext.Current.CancellationToken) < id; attempt++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal(id, await journal.MaxTrackIdAsync(TestContext.Current.CancellationToken));
    }
}

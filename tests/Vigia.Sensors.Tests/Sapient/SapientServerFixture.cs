using Vigia.Sensors.Sapient;

namespace Vigia.Sensors.Tests.Sapient;

/// <summary>Helpers for reading a server's events in tests.</summary>
public static class SapientServerFixture
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    public static SapientFusionServer Start(SapientServerOptions? options = null, TimeProvider? time = null)
    {
        var server = new SapientFusionServer(options ?? new SapientServerOptions { FusionNodeId = SapientMessages.FusionNodeId }, time);
        server.Start();
        return server;
    }

    /// <summary>The next event of type <typeparamref name="T"/> that matches, skipping others; fails after a timeout.</summary>
    public static async Task<T> NextAsync<T>(this SapientFusionServer server, Func<T, bool>? match = null)
        where T : SapientEvent
    {
        using var timeout = new CancellationTokenSource(EventTimeout);
        while (true)
        {
            var next = await server.Events.ReadAsync(timeout.Token);
            if (next is T wanted && (match is null || match(wanted)))
            {
                return wanted;
            }
        }
    }

    /// <summary>The next <paramref name="count"/> events that match, in order, skipping others; fails after a timeout.</summary>
    public static async Task<List<SapientEvent>> TakeAsync(this SapientFusionServer server, int count, Func<SapientEvent, bool> match)
    {
        using var timeout = new CancellationTokenSource(EventTimeout);
        var taken = new List<SapientEvent>();
        while (taken.Count < count)
        {
            var next = await server.Events.ReadAsync(timeout.Token);
            if (match(next))
            {
                taken.Add(next);
            }
        }

        return taken;
    }

    /// <summary>Waits until <paramref name="condition"/> holds on the counters; fails after a timeout.</summary>
    public static async Task<SapientServerCounters> CountersWhenAsync(this SapientFusionServer server, Func<SapientServerCounters, bool> condition)
    {
        var deadline = DateTime.UtcNow + EventTimeout;
        while (true)
        {
            var counters = server.GetCounters();
            if (condition(counters))
            {
                return counters;
            }

            Assert.True(DateTime.UtcNow < deadline, "counters never reached the expected state: " + counters);
            await Task.Delay(10);
        }
    }
}

using System.Net;
using Microsoft.Data.Sqlite;
using Vigia.Server.Tests.Support;

namespace Vigia.Server.Tests;

/// <summary>A journal that cannot be written gives a clear /readyz error within seconds, never a hang.</summary>
public sealed class JournalHealthTests
{
    [Fact]
    public async Task ALockedJournal_MakesReadyzAnswer503WithTheReason_AndReadyAgainOnceReleased()
    {
        await using var app = new VigiaServerFactory();
        using var client = app.ClientWith(null);
        using (var ready = await client.GetAsync("/readyz", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        // Another process holding the write lock (as a second Vigía on the same folder would).
        await using var other = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "vigia.db")};Default Timeout=1");
        await other.OpenAsync(TestContext.Current.CancellationToken);
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var started = DateTime.UtcNow;
        using var locked = await client.GetAsync("/readyz", TestContext.Current.CancellationToken);
        var waited = DateTime.UtcNow - started;
        await using (var rollback = other.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        using var again = await client.GetAsync("/readyz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.StatusCode);
        Assert.Contains("locked", await IngestEndpointTests.ProblemDetailAsync(locked), StringComparison.Ordinal);
        Assert.True(waited < TimeSpan.FromSeconds(15), $"answered after {waited.TotalSeconds:F1} s");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}

using System.Globalization;
using Vigia.Cli.Replay;

namespace Vigia.Cli.Bench;

/// <summary>The bench's registered sensors and a client per sensor token (each request authenticates as its sensor, as live sensors do).</summary>
internal sealed class BenchSensors : IDisposable
{
    private BenchSensors(string[] ids, VigiaApiClient[] clients)
    {
        Ids = ids;
        Clients = clients;
    }

    /// <summary>Sensor ids.</summary>
    public string[] Ids { get; }

    /// <summary>One API client per sensor, with that sensor's token.</summary>
    public VigiaApiClient[] Clients { get; }

    /// <summary>Registers <see cref="BenchSettings.Sensors"/> observer sensors through the API (admin key).</summary>
    public static async Task<BenchSensors> RegisterAsync(BenchServer server, string runId, CancellationToken cancellationToken)
    {
        using var admin = new VigiaApiClient(server.Address, server.AdminKey);
        var ids = new string[BenchSettings.Sensors];
        var clients = new VigiaApiClient[BenchSettings.Sensors];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = string.Create(CultureInfo.InvariantCulture, $"bench-{runId}-{i + 1}");
            var token = await admin.RegisterSensorAsync(ids[i], "observer", null, "vigia bench pipeline", cancellationToken).ConfigureAwait(false);
            clients[i] = new VigiaApiClient(server.Address, token);
        }

        return new BenchSensors(ids, clients);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var c in Clients)
        {
            c.Dispose();
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Server.Pipeline;
using Vigia.Server.Tests.Support;
using Vigia.Storage;
using static Vigia.Server.Tests.Support.ObservationJson;

namespace Vigia.Server.Tests;

/// <summary>Sensor time drives the tracker; late observations within the reorder window are tracked (widened), later ones journalled only.</summary>
public sealed class LiveTimingTests : IAsyncLifetime
{
    private readonly VigiaServerFactory _app = new(settings: new Dictionary<string, string?> { ["Vigia:ReorderWindowSeconds"] = "2" });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task LateObservations_WithinTheWindowAreReordered_BeyondItAreLate_AndAllAreJournalled()
    {
        var rid = _app.ClientWith(await _app.AddSensorAsync("rid-1", "remote-id"));
        using var admin = _app.ClientWith(await _app.AddKeyAsync("ops", ApiKeyRole.Admin));
        var t = DateTimeOffset.UtcNow;

        await PostAsync(rid, Geodetic("rid-1", "now", t, 19.2, -102.8, 500, "TIMING-1"));
        await WaitForAcceptedAsync(admin, 1);
        await PostAsync(rid, Geodetic("rid-1", "late-1s", t.AddSeconds(-1), 19.2, -102.8, 500, "TIMING-1"));
        await PostAsync(rid, Geodetic("rid-1", "late-5s", t.AddSeconds(-5), 19.2, -102.8, 500, "TIMING-1"));

        JsonElement sensor = default;
        for (var i = 0; i < 100; i++)
        {
            sensor = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/sensors", TestContext.Current.CancellationToken))[0];
            if (sensor.GetProperty("late").GetInt64() + sensor.GetProperty("reordered").GetInt64() == 2)
            {
                break;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal((1, 1), (sensor.GetProperty("reordered").GetInt64(), sensor.GetProperty("late").GetInt64()));
        Assert.Equal(3, await _app.Journal.CountObservationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Widen_AddsTheDistanceAnObjectCouldFlyInTheLag_AndRetimesTheObservation()
    {
        var at = Timestamp.FromUnixSeconds(1_800_000_000);
        var observation = new Observation
        {
            Sensor = new SensorId("radar-1"),
            SensorTime = at.AddSeconds(-0.5),
            ReceiveTime = at,
            Measurement = Measurement.RangeAzimuthElevation(1000, 1, 0.1, Matrix3x3.Diagonal(100, 1e-4, 1e-4), EnuVector.Zero),
        };

        var widened = LateObservations.Widen(observation, at, speedBoundMetersPerSecond: 20);

        Assert.Equal(at, widened.SensorTime);
        Assert.Equal(100 + 100, widened.Measurement.Covariance.M11, 9);      // (20 m/s × 0.5 s)² = 100 m²
        Assert.Equal(1e-4 + 1e-4, widened.Measurement.Covariance.M22, 12);  // (10 m / 1000 m)² rad²
        Assert.Equal(observation.Measurement.V0, widened.Measurement.V0);
    }

    private static async Task PostAsync(HttpClient client, string json)
    {
        using var r = await client.PostAsync("/api/v1/observations", Content(json), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    private static async Task WaitForAcceptedAsync(HttpClient admin, int count)
    {
        for (var i = 0; i < 100; i++)
        {
            var sensors = await admin.GetFromJsonAsync<JsonElement>("/api/v1/sensors", TestContext.Current.CancellationToken);
            if (sensors[0].GetProperty("accepted").GetInt64() >= count)
            {
                // Give the tracker loop its step.
                await Task.Delay(100, TestContext.Current.CancellationToken);
                return;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}

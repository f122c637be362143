using System.Security.Cryptography;
using System.Text;
using Vigia.Core.Geodesy;

namespace Vigia.Storage.Tests;

public abstract partial class JournalContractTests
{
    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    [Fact]
    public async Task Sensors_AddRefuseDuplicateFindRevokeAndList()
    {
        var journal = await OpenAsync();
        var radar = new SensorRecord
        {
            Id = "radar-1",
            Kind = "radar",
            Position = new GeoPosition(40.4, -3.7, 1.0 / 3.0),
            Description = "north mast",
            Created = Support.Build.At(0),
            RangeMeters = 3500.25,
        };
        var rid = new SensorRecord { Id = "Radar-1", Kind = "remote-id", Created = Support.Build.At(1) };

        Assert.True(await journal.AddSensorAsync(radar, Hash("token-a"), Ct));
        Assert.True(await journal.AddSensorAsync(rid, Hash("token-b"), Ct)); // ids are case-sensitive
        Assert.False(await journal.AddSensorAsync(radar with { Kind = "other" }, Hash("token-c"), Ct));
        Assert.False(await journal.AddSensorAsync(radar with { Id = "radar-9" }, Hash("token-a"), Ct)); // token in use

        Assert.Equal(radar, await journal.FindSensorByTokenHashAsync(Hash("token-a"), Ct));
        Assert.Null(await journal.FindSensorByTokenHashAsync(Hash("token-c"), Ct));
        Assert.Equal(["Radar-1", "radar-1"], (await journal.ListSensorsAsync(Ct)).Select(s => s.Id));

        Assert.True(await journal.RevokeSensorAsync("radar-1", Support.Build.At(5), Ct));
        Assert.False(await journal.RevokeSensorAsync("radar-1", Support.Build.At(6), Ct));
        Assert.False(await journal.RevokeSensorAsync("nobody", Support.Build.At(6), Ct));
        Assert.Null(await journal.FindSensorByTokenHashAsync(Hash("token-a"), Ct));
        var listed = await journal.ListSensorsAsync(Ct);
        Assert.Equal(radar with { Revoked = Support.Build.At(5) }, listed[1]);
        Assert.Equal(rid, listed[0]);
    }

    [Fact]
    public async Task ApiKeys_AddRefuseDuplicateFindRevokeAndList()
    {
        var journal = await OpenAsync();
        var admin = new ApiKeyRecord { Name = "ops-admin", Role = ApiKeyRole.Admin, Created = Support.Build.At(0) };
        var viewer = new ApiKeyRecord { Name = "console", Role = ApiKeyRole.Viewer, Created = Support.Build.At(1) };

        Assert.True(await journal.AddApiKeyAsync(admin, Hash("s1"), Ct));
        Assert.True(await journal.AddApiKeyAsync(viewer, Hash("s2"), Ct));
        Assert.False(await journal.AddApiKeyAsync(admin with { Role = ApiKeyRole.Viewer }, Hash("s3"), Ct));

        Assert.Equal(admin, await journal.FindApiKeyByHashAsync(Hash("s1"), Ct));
        Assert.Null(await journal.FindApiKeyByHashAsync(Hash("s3"), Ct));
        Assert.Equal(["console", "ops-admin"], (await journal.ListApiKeysAsync(Ct)).Select(k => k.Name));

        Assert.True(await journal.RevokeApiKeyAsync("ops-admin", Support.Build.At(9), Ct));
        Assert.False(await journal.RevokeApiKeyAsync("ops-admin", Support.Build.At(9), Ct));
        Assert.Null(await journal.FindApiKeyByHashAsync(Hash("s1"), Ct));
        Assert.Equal(admin with { Revoked = Support.Build.At(9) }, (await journal.ListApiKeysAsync(Ct))[1]);
    }
}

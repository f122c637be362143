using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Vigia.Core.Geodesy;
using Vigia.Core.Time;
using Vigia.Server.Security;
using Vigia.Storage;
using Vigia.Testing;

namespace Vigia.Server.Tests.Support;

/// <summary>
/// The real server in memory (TestServer) over a real embedded SQLite journal in a fresh temp folder
/// (TodoApi style: a fresh app per test). Settings are passed as configuration.
/// </summary>
public sealed class VigiaServerFactory : WebApplicationFactory<Program>
{
    /// <summary>Where the radar of the tests stands (Tepalcatepec high ground, roughly).</summary>
    public static readonly GeoPosition RadarPosition = new(19.19, -102.85, 420);

    private readonly Dictionary<string, string?> _settings;

    public VigiaServerFactory(string? dataDirectory = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        DataDirectory = dataDirectory ?? TestPaths.NewTempDirectory();
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Vigia:DataDirectory"] = DataDirectory,
        };
    }

    /// <summary>The journal folder.</summary>
    public string DataDirectory { get; }

    /// <summary>The server's journal (the same instance the server uses).</summary>
    public IJournal Journal => Services.GetRequiredService<IJournal>();

    /// <summary>Registers a sensor directly in the journal and returns its token.</summary>
    public async Task<string> AddSensorAsync(string id, string kind, GeoPosition? position = null)
    {
        var token = Secrets.Generate(Secrets.SensorPrefix);
        var record = new SensorRecord { Id = id, Kind = kind, Position = position, Created = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) };
        Assert.True(await Journal.AddSensorAsync(record, Secrets.Hash(token)));
        await Services.GetRequiredService<Pipeline.SensorDirectory>().RefreshAsync(CancellationToken.None);
        return token;
    }

    /// <summary>Creates an operator key directly in the journal and returns it.</summary>
    public async Task<string> AddKeyAsync(string name, ApiKeyRole role)
    {
        var key = Secrets.Generate(Secrets.KeyPrefix);
        Assert.True(await Journal.AddApiKeyAsync(new ApiKeyRecord { Name = name, Role = role, Created = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) }, Secrets.Hash(key)));
        return key;
    }

    /// <summary>A client that sends <paramref name="secret"/> as its bearer token.</summary>
    public HttpClient ClientWith(string? secret)
    {
        var client = CreateClient();
        if (secret is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>Builds <c>vigia-observation/1</c> JSON bodies.</summary>
public static class ObservationJson
{
    /// <summary>An RFC 3339 UTC time with milliseconds.</summary>
    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A radar plot: range m, azimuth deg, elevation deg.</summary>
    public static string Rae(string sensor, string id, DateTimeOffset t, double range, double azimuthDeg, double elevationDeg) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"sensor_id":"{{sensor}}","id":"{{id}}","sensor_time":"{{Time(t)}}","kind":"rae","values":[{{range}},{{azimuthDeg}},{{elevationDeg}}],"covariance":[100,0.25,0.25]}""");

    /// <summary>A geodetic position with an optional UAS ID.</summary>
    public static string Geodetic(string sensor, string id, DateTimeOffset t, double lat, double lon, double h, string? uasId = null) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"sensor_id":"{{sensor}}","id":"{{id}}","sensor_time":"{{Time(t)}}","kind":"geodetic","values":[{{lat}},{{lon}},{{h}}],"covariance":[25,25,100]{{(uasId is null ? "" : $",\"uas_id\":\"{uasId}\"")}}}""");

    /// <summary>A batch body.</summary>
    public static string Batch(IEnumerable<string> items) => "{\"observations\":[" + string.Join(',', items) + "]}";

    /// <summary>JSON content.</summary>
    public static StringContent Content(string json) => new(json, Encoding.UTF8, "application/json");
}

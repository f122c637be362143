using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Vigia.Core.Geodesy;

namespace Vigia.Server.Hosting;

/// <summary>
/// The server's settings, section <c>Vigia</c> of the configuration (JSON file given by <c>--config</c>,
/// environment variables <c>Vigia__Name</c>, or command-line switches). Validated at start.
/// </summary>
public sealed class VigiaServerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Vigia";

    /// <summary>Folder for the embedded journal (<c>vigia.db</c>) and the generated LAN certificate.</summary>
    [Required]
    public string DataDirectory { get; set; } = "vigia-data";

    /// <summary>PostgreSQL connection string; empty = embedded SQLite under <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Origin of the picture frame as <c>lat,lon,h</c> (degrees, degrees, metres above the WGS-84 ellipsoid).
    /// Empty: the first registered sensor (by id) that has a position.
    /// </summary>
    public string? Origin { get; set; }

    /// <summary>Observations up to this many seconds older than the tracker's time are still tracked (widened for the lag); older ones are journalled and counted only.</summary>
    [Range(0.0, 60.0)]
    public double ReorderWindowSeconds { get; set; } = 1.0;

    /// <summary>Fastest a tracked object is assumed to move (m/s) when widening a late observation.</summary>
    [Range(1.0, 400.0)]
    public double LateSpeedBoundMetersPerSecond { get; set; } = 30.0;

    /// <summary>Largest request body accepted on ingest, bytes.</summary>
    [Range(1024, 256L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>Largest number of observations in one request.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 20_000;

    /// <summary>Ingest requests each sensor (or key) may make per second on average (token bucket); excess gets 429.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerSecondPerClient { get; set; } = 200;

    /// <summary>Burst above the average rate.</summary>
    [Range(1, 1_000_000)]
    public int RequestBurstPerClient { get; set; } = 400;

    /// <summary>An open event stream re-checks its key this often (seconds) and ends once the key is revoked.</summary>
    [Range(0.05, 300.0)]
    public double StreamKeyCheckSeconds { get; set; } = 5.0;

    /// <summary>A sensor is Up while its last message is at most this old (seconds), then Degraded.</summary>
    [Range(0.1, 3600.0)]
    public double SensorDegradedAfterSeconds { get; set; } = 10.0;

    /// <summary>A sensor is Down once its last message is older than this (seconds).</summary>
    [Range(0.1, 86_400.0)]
    public double SensorDownAfterSeconds { get; set; } = 60.0;

    /// <summary>On start, observations this many seconds back from the newest journalled one rebuild the picture.</summary>
    [Range(0.0, 3600.0)]
    public double RecoveryWindowSeconds { get; set; } = 60.0;

    /// <summary>Capacity of the queue from ingest to the tracker loop, observations; beyond it observations are journalled but dropped from live tracking (counted).</summary>
    [Range(100, 10_000_000)]
    public int TrackerQueueCapacity { get; set; } = 200_000;

    /// <summary>Journal each track's update at most this often (seconds).</summary>
    [Range(0.0, 3600.0)]
    public double TrackJournalIntervalSeconds { get; set; } = 1.0;

    /// <summary>Delete journal rows older than this many days (0 = keep everything).</summary>
    [Range(0, 36_500)]
    public int RetentionDays { get; set; }

    /// <summary>UDP port for the JSON-lines listener (0 = off).</summary>
    [Range(0, 65535)]
    public int UdpPort { get; set; }

    /// <summary>Address the UDP listener binds (default loopback; a receiver on the LAN needs the LAN address).</summary>
    public string UdpBindAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// Everything this server shows is an exercise (demo, training): every stream event and <c>/api/v1/info</c>
    /// say <c>"exercise": true</c>, and the console shows a banner, so nothing from it can pass for real.
    /// </summary>
    public bool Exercise { get; set; }

    /// <summary>
    /// Optional online MapLibre style URL for the console's basemap (for users with internet and a style they
    /// trust); empty = the bundled offline basemap. The console's Content-Security-Policy then allows that origin.
    /// </summary>
    public string? ConsoleStyleUrl { get; set; }

    /// <summary>Optional local PMTiles file (vector or raster) the console may use as its basemap, served at <c>/basemap/custom.pmtiles</c>.</summary>
    public string? ConsolePmtiles { get; set; }

    /// <summary>In-process Remote ID sources (capture files or live interfaces).</summary>
    public List<Ingest.RemoteIdSourceOptions> RemoteIdSources { get; set; } = [];

    /// <summary>ADS-B receivers (dump1090-style TCP feeds) read in-process; each names a registered <c>adsb</c> sensor.</summary>
    public List<Ingest.AdsbSourceOptions> AdsbSources { get; set; } = [];

    /// <summary>The SAPIENT fusion node (off unless a port is set).</summary>
    public Ingest.SapientOptions Sapient { get; set; } = new();

    /// <summary>ASTERIX radar input over UDP (off unless <c>Listen</c> is set).</summary>
    public Ingest.RadarOptions Radar { get; set; } = new();

    /// <summary>Serve HTTPS on every interface with a generated certificate (for phones on the LAN).</summary>
    public bool Lan { get; set; }

    /// <summary>With <see cref="Lan"/>: the HTTPS port on every interface.</summary>
    [Range(1, 65535)]
    public int LanHttpsPort { get; set; } = 8443;

    /// <summary>With <see cref="Lan"/>: the plain HTTP port kept on loopback (for local tools and metrics).</summary>
    [Range(1, 65535)]
    public int LanLoopbackHttpPort { get; set; } = 8080;

    /// <summary>Parses <see cref="Origin"/>; null when empty.</summary>
    public GeoPosition? ParseOrigin() => string.IsNullOrWhiteSpace(Origin) ? null : ParseLatLonHeight(Origin, "Vigia:Origin");

    /// <summary>Parses <c>lat,lon,h</c>; throws <see cref="FormatException"/> naming <paramref name="what"/>.</summary>
    public static GeoPosition ParseLatLonHeight(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 3
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var h))
        {
            throw new FormatException($"{what}: expected lat,lon,h (degrees, degrees, metres above the WGS-84 ellipsoid), got '{text}'");
        }

        if (!double.IsFinite(lat) || Math.Abs(lat) > 90 || !double.IsFinite(lon) || Math.Abs(lon) > 180 || !double.IsFinite(h) || Math.Abs(h) > 100_000)
        {
            throw new FormatException($"{what}: latitude must be within ±90, longitude within ±180 and height within ±100 km, got '{text}'");
        }

        return new GeoPosition(lat, lon, h);
    }
}

namespace Vigia.Server.Json;

/// <summary>A WGS-84 position: degrees, degrees, metres above the ellipsoid.</summary>
public sealed record GeoDto(double Lat, double Lon, double H);

/// <summary>One track as the API and the stream show it.</summary>
public sealed record TrackDto
{
    /// <summary>Track number.</summary>
    public required long Id { get; init; }

    /// <summary><c>tentative</c>, <c>confirmed</c> or <c>coasting</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Instant of the estimate.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Estimated position.</summary>
    public required GeoDto Position { get; init; }

    /// <summary>Velocity east, north, up (m/s).</summary>
    public required double[] VelocityEnu { get; init; }

    /// <summary>Ground speed, m/s.</summary>
    public required double SpeedMps { get; init; }

    /// <summary>Course over ground, degrees from north.</summary>
    public required double HeadingDeg { get; init; }

    /// <summary>Horizontal position uncertainty (1σ, metres, mean of east and north).</summary>
    public required double PositionStdM { get; init; }

    /// <summary>Remote ID (or other broadcast) identity, if any.</summary>
    public string? UasId { get; init; }

    /// <summary>True when the track carries a broadcast identity (cooperative).</summary>
    public required bool Cooperative { get; init; }

    /// <summary>The operator's reported position, if any.</summary>
    public GeoDto? Operator { get; init; }

    /// <summary>Aircraft type as broadcast (Remote ID UA type), if any.</summary>
    public string? UaType { get; init; }

    /// <summary>Operator registration ID as broadcast, if any.</summary>
    public string? OperatorId { get; init; }

    /// <summary>The operator's Self-ID text, if any.</summary>
    public string? SelfId { get; init; }

    /// <summary>Plausibility (spoofing) reason codes of the latest broadcast update; empty if none.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>Sensors whose observations updated the track (most recent last).</summary>
    public IReadOnlyList<string> Sensors { get; init; } = [];

    /// <summary>What the track is, by its best evidence (<c>uav_rotary_wing</c>, <c>manned_aircraft</c>, …); null when only radar saw it.</summary>
    public string? ObjectClass { get; init; }

    /// <summary>Where that evidence comes from (<c>adsb</c>, <c>remote_id</c>, <c>sapient</c>, <c>radar</c>).</summary>
    public string? ClassSource { get; init; }

    /// <summary>The evidence's confidence, 0…1.</summary>
    public double? ClassConfidence { get; init; }

    /// <summary>The sensor's own words (SAPIENT class name, ADS-B callsign).</summary>
    public string? ClassLabel { get; init; }

    /// <summary>The sensor that gave the evidence, when known.</summary>
    public string? ClassSensor { get; init; }

    /// <summary>Time of the first observation.</summary>
    public required DateTimeOffset FirstSeen { get; init; }

    /// <summary>Time of the last update.</summary>
    public required DateTimeOffset LastUpdate { get; init; }

    /// <summary>Number of updates.</summary>
    public required int Updates { get; init; }

    /// <summary>Probability of the manoeuvre or hover model.</summary>
    public required double ManoeuvreProbability { get; init; }
}

/// <summary>A registered sensor and its health.</summary>
public sealed record SensorDto
{
    /// <summary>Id.</summary>
    public required string Id { get; init; }

    /// <summary>Kind.</summary>
    public required string Kind { get; init; }

    /// <summary>Position, if registered with one.</summary>
    public GeoDto? Position { get; init; }

    /// <summary>Description.</summary>
    public required string Description { get; init; }

    /// <summary>Coverage range, metres (radar instrumented range, receiver reach), if registered with one.</summary>
    public double? RangeM { get; init; }

    /// <summary>Registration time.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>Revocation time, or null.</summary>
    public DateTimeOffset? Revoked { get; init; }

    /// <summary><c>up</c>, <c>degraded</c>, <c>down</c> or <c>revoked</c>.</summary>
    public required string State { get; init; }

    /// <summary>Seconds since the last accepted message, or null.</summary>
    public double? LastMessageAgeS { get; init; }

    /// <summary>Recent observations per second.</summary>
    public required double Rate { get; init; }

    /// <summary>Observations journalled since the server started.</summary>
    public required long Accepted { get; init; }

    /// <summary>Duplicates (retries) recognised.</summary>
    public required long Duplicates { get; init; }

    /// <summary>Items refused as bad input.</summary>
    public required long Refused { get; init; }

    /// <summary>Observations too late to track (journalled only).</summary>
    public required long Late { get; init; }

    /// <summary>Observations stamped further ahead of the server clock than the reorder window (a fast sensor clock; journalled, not tracked).</summary>
    public long Future { get; init; }

    /// <summary>Late observations within the reorder window (tracked).</summary>
    public required long Reordered { get; init; }

    /// <summary>Observations dropped from live tracking (queue full; journalled).</summary>
    public required long Dropped { get; init; }

    /// <summary>Estimated receive time − sensor time, seconds.</summary>
    public double? ClockOffsetS { get; init; }

    /// <summary>A direction finder's latest bearing (drawn as a line from the sensor), or null.</summary>
    public BearingDto? LastBearing { get; init; }

    /// <summary>A radar's ASTERIX data sources (its configured SAC/SICs) with the adapter's counters; absent otherwise.</summary>
    public IReadOnlyList<AsterixSourceDto>? Asterix { get; init; }

    /// <summary>A SAPIENT node's registration, reported health and counters (sensors <c>sapient:{node}</c>); absent otherwise.</summary>
    public SapientNodeDto? Sapient { get; init; }

    /// <summary>An ADS-B receiver's connection and decoding counters (<c>Vigia:AdsbSources</c>); absent otherwise.</summary>
    public AdsbReceiverDto? Adsb { get; init; }
}

/// <summary>Track updates of one tracker step (stream event <c>tracks</c>).</summary>
public sealed record TracksEvent(string Mode, DateTimeOffset Time, IReadOnlyList<TrackDto> Updated, IReadOnlyList<long> Removed)
{
    /// <summary>True on an exercise server (demo, training); absent otherwise.</summary>
    public bool? Exercise { get; init; }
}

/// <summary>The whole picture (stream event <c>snapshot</c>, first on every connection, and <c>GET /api/v1/tracks</c>).</summary>
public sealed record PictureDto(string Mode, DateTimeOffset? Time, IReadOnlyList<TrackDto> Tracks)
{
    /// <summary>True on an exercise server (demo, training); absent otherwise.</summary>
    public bool? Exercise { get; init; }
}

/// <summary>Sensor health (stream event <c>sensors</c>, every second).</summary>
public sealed record SensorsEvent(string Mode, DateTimeOffset Time, IReadOnlyList<SensorDto> Sensors)
{
    /// <summary>True on an exercise server (demo, training); absent otherwise.</summary>
    public bool? Exercise { get; init; }
}

/// <summary>One item's outcome in an accepted ingest request.</summary>
public sealed record IngestResultDto(int Index, string Id, bool Duplicate);

/// <summary>Answer to an accepted ingest request.</summary>
public sealed record IngestResponse(IReadOnlyList<IngestResultDto> Results);

/// <summary>A journalled observation as <c>GET /api/v1/observations</c> returns it.</summary>
public sealed record ObservationDto
{
    /// <summary>Journal sequence.</summary>
    public required long Seq { get; init; }

    /// <summary>Sensor id.</summary>
    public required string SensorId { get; init; }

    /// <summary>Client idempotency key.</summary>
    public string? Id { get; init; }

    /// <summary>Sensor time.</summary>
    public required DateTimeOffset SensorTime { get; init; }

    /// <summary>Receive time.</summary>
    public required DateTimeOffset ReceiveTime { get; init; }

    /// <summary>Measurement kind as stored: enu (picture frame), geodetic, rae, bearing.</summary>
    public required string Kind { get; init; }

    /// <summary>Values in SI units as stored (metres, degrees for geodetic, radians for angles).</summary>
    public required double[] Values { get; init; }

    /// <summary>Covariance, row-major, in the units of the values.</summary>
    public required double[] Covariance { get; init; }

    /// <summary>Broadcast identity.</summary>
    public string? UasId { get; init; }

    /// <summary>Raw evidence, base64.</summary>
    public string? RawB64 { get; init; }
}

/// <summary>Request to register a sensor through the API.</summary>
public sealed record SensorCreateRequest(string Id, string Kind, double[]? Position, string? Description, double? RangeM = null);

/// <summary>Answer to a sensor registration: the token, shown once.</summary>
public sealed record SensorCreatedResponse(string Id, string Token);

/// <summary>One journalled update of a track (<c>GET /api/v1/tracks/{id}</c>).</summary>
public sealed record TrackSnapshotHistoryDto(long Id, IReadOnlyList<TrackDto> History);

/// <summary>A replay session (<c>/api/v1/replays</c>).</summary>
/// <param name="Id">Session id.</param>
/// <param name="From">Start of the period.</param>
/// <param name="To">End of the period.</param>
/// <param name="Speed">Playback speed (0 = as fast as possible).</param>
/// <param name="State">running, paused, finished, stopped or failed.</param>
/// <param name="Position">Sensor time reached.</param>
/// <param name="Observations">Observations replayed so far.</param>
/// <param name="Stream">The session's own event stream.</param>
/// <param name="Detail">Why it failed, if it did.</param>
public sealed record ReplayDto(string Id, DateTimeOffset From, DateTimeOffset To, double Speed, string State, DateTimeOffset? Position, long Observations, string Stream, string? Detail);

/// <summary>Request to start a replay session.</summary>
/// <param name="From">Start (RFC 3339).</param>
/// <param name="To">End (RFC 3339).</param>
/// <param name="Speed">×1…×60, or 0 for as fast as possible; default 1.</param>
public sealed record ReplayRequest(DateTimeOffset? From, DateTimeOffset? To, double? Speed);

/// <summary>Control of a running replay: <c>pause</c>, <c>resume</c> (optionally with a speed), <c>step</c>, <c>seek</c> (to a time), <c>stop</c>.</summary>
/// <param name="Action">What to do.</param>
/// <param name="Speed">New speed for resume.</param>
/// <param name="To">Target time for seek (clamped to the period).</param>
public sealed record ReplayControlRequest(string? Action, double? Speed, DateTimeOffset? To = null);

/// <summary>Replay state change (stream event <c>replay</c>).</summary>
/// <param name="Mode">Always <c>replay</c>.</param>
/// <param name="Replay">The session.</param>
public sealed record ReplayStatusEvent(string Mode, ReplayDto Replay);

/// <summary>What this server is (<c>GET /api/v1/info</c>).</summary>
/// <param name="Version">The program's version.</param>
/// <param name="Exercise">True when everything this server shows is an exercise (demo, training): never a real warning.</param>
/// <param name="Origin">The picture frame's origin, if known (a good initial map centre).</param>
/// <param name="ServerTime">The server's clock.</param>
public sealed record InfoDto(string Version, bool Exercise, GeoDto? Origin, DateTimeOffset ServerTime)
{
    /// <summary>The basemap the console should use beyond its bundled one, or null for the bundled one.</summary>
    public BasemapDto? Basemap { get; init; }

    /// <summary>The caller's role (<c>viewer</c>, <c>operator</c> or <c>admin</c>), so a console shows only what the key may do.</summary>
    public string? Role { get; init; }
}

/// <summary>A basemap configured on the server (<c>Vigia:ConsoleStyleUrl</c>, <c>Vigia:ConsolePmtiles</c>).</summary>
/// <param name="StyleUrl">An online MapLibre style URL, or null.</param>
/// <param name="PmtilesUrl">The server path of a local PMTiles file, or null.</param>
public sealed record BasemapDto(string? StyleUrl, string? PmtilesUrl);

/// <summary>A direction finder's latest bearing.</summary>
/// <param name="AzimuthDeg">Degrees from north, clockwise.</param>
/// <param name="ElevationDeg">Degrees above the horizontal, if measured.</param>
/// <param name="Time">Sensor time.</param>
public sealed record BearingDto(double AzimuthDeg, double? ElevationDeg, DateTimeOffset Time);

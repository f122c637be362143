namespace Vigia.Server.Json;

/// <summary>What the radar adapter counted for one ASTERIX data source (a SAC/SIC), configured or not.</summary>
public sealed record AsterixSourceDto
{
    /// <summary>System Area Code (absent for <c>unattributed</c>).</summary>
    public int? Sac { get; init; }

    /// <summary>System Identification Code (absent for <c>unattributed</c>).</summary>
    public int? Sic { get; init; }

    /// <summary>The sensor it is configured as, or null for a source heard but not configured (its records are counted, then rejected).</summary>
    public string? Sensor { get; init; }

    /// <summary>
    /// <c>radar</c> (CAT-048 plots become observations), <c>system_tracks</c> (CAT-062 tracks do), <c>unconfigured</c>, or
    /// <c>unattributed</c> (what no SAC/SIC can be charged with).
    /// </summary>
    public required string Role { get; init; }

    /// <summary>Well-formed records, duplicates included.</summary>
    public required long Records { get; init; }

    /// <summary>CAT-048 target reports, duplicates excluded.</summary>
    public required long Plots { get; init; }

    /// <summary>CAT-062 system tracks, duplicates excluded.</summary>
    public required long SystemTracks { get; init; }

    /// <summary>CAT-034 and CAT-065 service and status messages.</summary>
    public required long ServiceMessages { get; init; }

    /// <summary>Records dropped as copies from a redundant network.</summary>
    public required long Duplicates { get; init; }

    /// <summary>Malformed records and framing errors.</summary>
    public required long Malformed { get; init; }

    /// <summary>Blocks of an unsupported category or edition (e.g. CAT-062 ed. 0.17).</summary>
    public required long Unsupported { get; init; }

    /// <summary>Observations produced.</summary>
    public required long Observations { get; init; }

    /// <summary>Well-formed records that gave no observation, by reason (snake_case names of the reasons counted so far).</summary>
    public required IReadOnlyDictionary<string, long> Rejected { get; init; }

    /// <summary>Seconds since its last well-formed record arrived, or null before the first.</summary>
    public double? LastRecordAgeS { get; init; }

    /// <summary>The UTC time of day its last record carried (<c>HH:mm:ss.fff</c>, the source's own clock), or null.</summary>
    public string? LastTimeOfDay { get; init; }
}

/// <summary>The ASTERIX radar input as a whole (<c>GET /api/v1/sensors/asterix</c>).</summary>
public sealed record AsterixInputDto
{
    /// <summary><c>off</c> (not configured), <c>waiting</c> (for its radars to be registered), <c>running</c> or <c>failed</c> (see <see cref="Error"/>).</summary>
    public required string State { get; init; }

    /// <summary>The UDP listener's bound address, or null.</summary>
    public string? Listen { get; init; }

    /// <summary><c>up</c> (receiving) or <c>down</c> (cannot bind or join its group; retried, see <see cref="Error"/>); null without a listener.</summary>
    public string? ListenState { get; init; }

    /// <summary>Why the input or its listener is not working, or null.</summary>
    public string? Error { get; init; }

    /// <summary>The multicast group joined, or null.</summary>
    public string? MulticastGroup { get; init; }

    /// <summary>The capture being replayed (<c>Vigia:Radar:Pcap</c>), or null.</summary>
    public AsterixCaptureDto? Capture { get; init; }

    /// <summary>Datagrams offered to the adapter (received or replayed).</summary>
    public long Datagrams { get; init; }

    /// <summary>Datagrams dropped by an unexpected exception (a bug).</summary>
    public long Faults { get; init; }

    /// <summary>The last such exception with the first octets of its datagram, or null.</summary>
    public string? LastFault { get; init; }

    /// <summary>Every SAC/SIC configured or heard, configured ones first.</summary>
    public IReadOnlyList<AsterixSourceDto> Sources { get; init; } = [];

    /// <summary>Records and errors that could not be charged to any SAC/SIC (no I010, or an unreadable block).</summary>
    public AsterixSourceDto? Unattributed { get; init; }
}

/// <summary>A capture file replayed into the radar input.</summary>
/// <param name="File">The path configured.</param>
/// <param name="State"><c>pending</c>, <c>playing</c>, <c>ended</c> or <c>failed</c>.</param>
/// <param name="Packets">Capture records read.</param>
/// <param name="Skipped">Records that were not IPv4 UDP to a chosen port.</param>
/// <param name="Observations">Observations handed to the pipeline.</param>
/// <param name="Error">Why it failed, or null.</param>
public sealed record AsterixCaptureDto(string File, string State, long Packets, long Skipped, long Observations, string? Error);

/// <summary>A SAPIENT node as the fusion node knows it.</summary>
public sealed record SapientNodeDto
{
    /// <summary>The node's node_id (UUID).</summary>
    public required string NodeId { get; init; }

    /// <summary>Its name, if it gave one.</summary>
    public string? Name { get; init; }

    /// <summary>The node types it registered (e.g. <c>NODE_TYPE_RADAR</c>).</summary>
    public required IReadOnlyList<string> NodeTypes { get; init; }

    /// <summary>The ICD version it announced on its connection.</summary>
    public required string IcdVersion { get; init; }

    /// <summary>When it (last) registered.</summary>
    public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary>Whether the connection it registered on is open.</summary>
    public required bool Connected { get; init; }

    /// <summary>The remote address and port of that connection.</summary>
    public required string RemoteEndPoint { get; init; }

    /// <summary><c>up</c>, <c>degraded</c> or <c>down</c>, from its connection, heartbeat and reported state.</summary>
    public required string Health { get; init; }

    /// <summary>Why (e.g. <c>ok</c>, <c>heartbeat late</c>, <c>node reports SYSTEM_WARNING</c>, <c>disconnected</c>).</summary>
    public required string HealthReason { get; init; }

    /// <summary>The system state of its last StatusReport (e.g. <c>SYSTEM_OK</c>), or null before the first.</summary>
    public string? System { get; init; }

    /// <summary>The mode of its last StatusReport, or null.</summary>
    public string? Mode { get; init; }

    /// <summary>The heartbeat interval it registered, seconds.</summary>
    public required double StatusIntervalS { get; init; }

    /// <summary>Seconds since its last StatusReport, or null before the first.</summary>
    public double? LastStatusAgeS { get; init; }

    /// <summary>Messages from it since it registered that passed decoding and validation (refused ones count in <see cref="Rejected"/> only).</summary>
    public required long Messages { get; init; }

    /// <summary>DetectionReports that became observations.</summary>
    public required long DetectionsAccepted { get; init; }

    /// <summary>Messages refused (decode, validation, conversation) or detections that could not be mapped.</summary>
    public required long Rejected { get; init; }

    /// <summary>The reason code of the last refusal (e.g. <c>MissingObjectId</c>), or null.</summary>
    public string? LastRejection { get; init; }

    /// <summary>When that refusal happened, or null.</summary>
    public DateTimeOffset? LastRejectedAt { get; init; }
}

/// <summary>An ADS-B receiver's connection and decoding counters (since the server started).</summary>
public sealed record AdsbReceiverDto
{
    /// <summary><c>up</c>, <c>degraded</c> (bytes skipped to resynchronise recently) or <c>down</c> (not connected).</summary>
    public required string Connection { get; init; }

    /// <summary>Successful connections.</summary>
    public required long Connects { get; init; }

    /// <summary>Connection attempts that failed or timed out.</summary>
    public required long ConnectFailures { get; init; }

    /// <summary>Connections that ended.</summary>
    public required long Disconnects { get; init; }

    /// <summary>Mode S frames framed.</summary>
    public required long Frames { get; init; }

    /// <summary>Frames decoded.</summary>
    public required long Decoded { get; init; }

    /// <summary>Frames whose CRC (parity) check failed, dropped.</summary>
    public required long CrcErrors { get; init; }

    /// <summary>Framing errors (bytes skipped to regain sync).</summary>
    public required long FramingErrors { get; init; }

    /// <summary>Bytes skipped while resynchronising.</summary>
    public required long BytesSkipped { get; init; }

    /// <summary>Frames malformed for their format.</summary>
    public required long Malformed { get; init; }

    /// <summary>Frames of a downlink format or message type that is not decoded.</summary>
    public required long Unsupported { get; init; }

    /// <summary>Observations produced.</summary>
    public required long Observations { get; init; }
}

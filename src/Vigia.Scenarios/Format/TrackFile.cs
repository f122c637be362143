namespace Vigia.Scenarios.Format;

/// <summary>A <c>cuas-tracks/1</c> file: confirmed tracks at every radar scan time.</summary>
public sealed record TrackFile
{
    /// <summary>The schema string of this format.</summary>
    public const string SchemaName = "cuas-tracks/1";

    /// <summary>Free text: tracker name, version, configuration.</summary>
    public string Tracker { get; init; } = "";

    /// <summary>Seconds spent in tracker calls (file parsing excluded), if recorded.</summary>
    public double? LoopSeconds { get; init; }

    /// <summary>Number of measurements processed, if recorded.</summary>
    public long? Measurements { get; init; }

    /// <summary>Snapshots in time order.</summary>
    public required IReadOnlyList<TrackFileSnapshot> Snapshots { get; init; }
}

/// <summary>The tracks an operator would see at time <paramref name="T"/>.</summary>
/// <param name="T">Seconds after the scenario epoch (a radar scan time).</param>
/// <param name="Tracks">Confirmed tracks with their estimate at exactly <paramref name="T"/>.</param>
public sealed record TrackFileSnapshot(double T, IReadOnlyList<TrackPoint> Tracks);

/// <summary>One track's position estimate in a snapshot (ENU metres).</summary>
/// <param name="Id">Track id, stable for the track's life.</param>
/// <param name="X">East, m.</param>
/// <param name="Y">North, m.</param>
/// <param name="Z">Up, m.</param>
public readonly record struct TrackPoint(string Id, double X, double Y, double Z);

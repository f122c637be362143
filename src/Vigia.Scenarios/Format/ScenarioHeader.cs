using Vigia.Core.Geodesy;
using Vigia.Core.Observations;

namespace Vigia.Scenarios.Format;

/// <summary>
/// Everything in a <c>cuas-scenario/1</c> file before its scans: frame, time base, sensors and, for alerting
/// scenarios, protected zones and the allow-list.
/// </summary>
public sealed record ScenarioHeader
{
    /// <summary>The schema string; always <see cref="SchemaName"/> for files this version reads.</summary>
    public const string SchemaName = "cuas-scenario/1";

    /// <summary>Free text.</summary>
    public string Description { get; init; } = "";

    /// <summary>UTC instant that scenario time 0 stands for (<c>time.epoch_utc</c>).</summary>
    public required DateTimeOffset EpochUtc { get; init; }

    /// <summary>Scenario start, seconds after the epoch.</summary>
    public double StartSeconds { get; init; }

    /// <summary>Scenario end, seconds after the epoch.</summary>
    public double EndSeconds { get; init; }

    /// <summary>WGS-84 position of the ENU frame origin, if the file gives one (<c>frame.origin_wgs84</c>).</summary>
    public GeoPosition? OriginWgs84 { get; init; }

    /// <summary>Sensors, in file order.</summary>
    public required IReadOnlyList<ScenarioSensor> Sensors { get; init; }

    /// <summary>
    /// Protected zones (<c>zones</c>, docs/alerting-scenarios.md), in file order; empty when the file has none.
    /// A file with zones gives <see cref="OriginWgs84"/>, since zones are WGS-84 and tracks are ENU.
    /// </summary>
    public IReadOnlyList<ScenarioZone> Zones { get; init; } = [];

    /// <summary>UAS IDs of the allow-listed drones (<c>allow_list</c>), in file order; empty when none.</summary>
    public IReadOnlyList<string> AllowList { get; init; } = [];

    /// <summary>
    /// The radars: sensors of type "radar" or giving range/azimuth/elevation. Track snapshots are taken
    /// and scored after their scans (<c>cuas-tracks/1</c>).
    /// </summary>
    public IReadOnlySet<SensorId> RadarSensors =>
        Sensors.Where(s => s.Type == "radar" || s.Kind == MeasurementKind.RangeAzimuthElevation).Select(s => s.Id).ToHashSet();
}

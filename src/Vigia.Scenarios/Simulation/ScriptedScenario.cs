using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Scenarios.Format;

namespace Vigia.Scenarios.Simulation;

/// <summary>
/// A <c>vigia-script/1</c> scenario script (docs/scripts.md), read and checked by
/// <see cref="ScriptedScenarioReader"/>: a WGS-84 origin, several radars and Remote ID receivers with their
/// positions and ranges, scripted targets flying waypoints and random targets beside them.
/// Every position is already converted to metres in the ENU frame at <see cref="Origin"/>.
/// </summary>
public sealed record ScriptedScenario
{
    /// <summary>The schema string of the script format.</summary>
    public const string SchemaName = "vigia-script/1";

    /// <summary>Free text, copied into the scenario's description.</summary>
    public string Description { get; init; } = "";

    /// <summary>WGS-84 origin of the ENU frame (height above the ellipsoid).</summary>
    public required GeoPosition Origin { get; init; }

    /// <summary>The geoid undulation the script assumed for its <c>msl</c> heights (h = msl + N), or null if it gave none.</summary>
    public double? GeoidUndulationMeters { get; init; }

    /// <summary>UTC instant of scenario time 0.</summary>
    public DateTimeOffset EpochUtc { get; init; } = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Length of the scenario, seconds.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>Seed of the random streams (noise, detection draws, clutter, random targets).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Radars and Remote ID receivers, in script order.</summary>
    public required IReadOnlyList<ScriptedSensor> Sensors { get; init; }

    /// <summary>Scripted targets, in script order (their truth ids are 0, 1, … in this order).</summary>
    public IReadOnlyList<ScriptedTarget> Targets { get; init; } = [];

    /// <summary>Random targets beside the scripted ones, or null for none.</summary>
    public ScriptedRandomTargets? RandomTargets { get; init; }

    /// <summary>Protected zones written to the scenario (<c>zones</c>; docs/alerting-scenarios.md).</summary>
    public IReadOnlyList<ScenarioZone> Zones { get; init; } = [];

    /// <summary>
    /// UAS IDs written to the scenario's <c>allow_list</c>, besides those of allow-listed targets (role
    /// <c>allowed</c> with a Remote ID) and generated allow-listed flights, which are added to it.
    /// </summary>
    public IReadOnlyList<string> AllowList { get; init; } = [];

    /// <summary>Generated threat, cooperative and allow-listed flights around <see cref="Zones"/>, or null for none.</summary>
    public ZoneTrafficOptions? ZoneTraffic { get; init; }
}

/// <summary>The two sensor kinds a script can place.</summary>
public enum ScriptedSensorKind
{
    /// <summary>A 3-D radar: range, compass azimuth and elevation plots, with clutter.</summary>
    Radar,

    /// <summary>A Remote ID receiver: the broadcast positions and UAS IDs of drones within its range.</summary>
    RemoteId,
}

/// <summary>One sensor of a script. Fields that do not apply to its kind keep their defaults.</summary>
public sealed record ScriptedSensor
{
    /// <summary>Sensor id (letters, digits, '.', '_', '-').</summary>
    public required SensorId Id { get; init; }

    /// <summary>Radar or Remote ID receiver.</summary>
    public required ScriptedSensorKind Kind { get; init; }

    /// <summary>Position in the ENU frame, m.</summary>
    public required EnuVector Position { get; init; }

    /// <summary>Scan period, s (a multiple of 0.1 s).</summary>
    public double PeriodSeconds { get; init; } = 1;

    /// <summary>Time of the first scan, s (a multiple of 0.1 s, below the period).</summary>
    public double OffsetSeconds { get; init; }

    /// <summary>Radar: probability of detection in the field of view; receiver: probability of receiving one report in range.</summary>
    public double DetectionProbability { get; init; } = 0.9;

    /// <summary>Radar: maximum range; receiver: reception range (3-D distance), m.</summary>
    public required double RangeMaxMeters { get; init; }

    /// <summary>Radar minimum range, m.</summary>
    public double RangeMinMeters { get; init; } = 50;

    /// <summary>Radar range noise, 1 sigma, m.</summary>
    public double RangeSigmaMeters { get; init; } = 5;

    /// <summary>Radar azimuth and elevation noise, 1 sigma, degrees.</summary>
    public double AngleSigmaDegrees { get; init; } = 0.5;

    /// <summary>Radar lowest elevation seen, degrees.</summary>
    public double ElevationMinDegrees { get; init; } = -10;

    /// <summary>Radar highest elevation seen, degrees.</summary>
    public double ElevationMaxDegrees { get; init; } = 60;

    /// <summary>Radar mean Poisson clutter per scan.</summary>
    public double ClutterPerScan { get; init; }

    /// <summary>Receiver position noise per axis, 1 sigma, m.</summary>
    public double PositionSigmaMeters { get; init; } = 3;
}

/// <summary>What a scripted target does after its last waypoint (and hover).</summary>
public enum ScriptedTargetEnd
{
    /// <summary>It leaves the picture (its truth ends there).</summary>
    Leave,

    /// <summary>It flies back to the first waypoint and repeats its route until the scenario ends.</summary>
    Loop,

    /// <summary>It hovers at the last waypoint until the scenario ends.</summary>
    Hold,
}

/// <summary>One waypoint of a scripted target.</summary>
/// <param name="Position">ENU position, m.</param>
/// <param name="SpeedMetersPerSecond">Ground speed on the leg that ends here (for the first waypoint: the closing leg of a loop), m/s.</param>
/// <param name="HoverSeconds">Time spent hovering here on arrival, s.</param>
public sealed record ScriptedWaypoint(EnuVector Position, double SpeedMetersPerSecond, double HoverSeconds);

/// <summary>A scripted target: a route of waypoints flown at constant speed per leg, with hovers.</summary>
public sealed record ScriptedTarget
{
    /// <summary>Label (unique in the script; written to the generator block beside its truth id).</summary>
    public required string Label { get; init; }

    /// <summary>When it appears at its first waypoint, s.</summary>
    public double StartSeconds { get; init; }

    /// <summary>The route, at least one waypoint.</summary>
    public required IReadOnlyList<ScriptedWaypoint> Waypoints { get; init; }

    /// <summary>After the last waypoint.</summary>
    public ScriptedTargetEnd End { get; init; } = ScriptedTargetEnd.Leave;

    /// <summary>The broadcast UAS ID, or null when it does not broadcast Remote ID.</summary>
    public string? UasId { get; init; }

    /// <summary>Where its operator stands (ENU, m), broadcast with Remote ID; null if not given.</summary>
    public EnuVector? OperatorPosition { get; init; }

    /// <summary>Its role for alerting evaluation, written to its truth (<c>role</c>); null writes none.</summary>
    public TruthRole? Role { get; init; }
}

/// <summary>Random multicopters (the model of <see cref="ScenarioSimulator"/>) around the origin.</summary>
public sealed record ScriptedRandomTargets
{
    /// <summary>Target slots (about 0.95 × count alive on average).</summary>
    public int Count { get; init; }

    /// <summary>Radius of their area around the origin, m.</summary>
    public double AreaRadiusMeters { get; init; } = 3000;

    /// <summary>Lowest height above the origin, m.</summary>
    public double AltitudeMinMeters { get; init; } = 20;

    /// <summary>Highest height above the origin, m.</summary>
    public double AltitudeMaxMeters { get; init; } = 300;

    /// <summary>Fraction that broadcast Remote ID.</summary>
    public double RidFraction { get; init; }

    /// <summary>Speed limit, m/s.</summary>
    public double SpeedMaxMetersPerSecond { get; init; } = 25;
}

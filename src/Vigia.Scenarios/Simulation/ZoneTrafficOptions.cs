namespace Vigia.Scenarios.Simulation;

/// <summary>
/// Drones with alerting roles flown around a scenario's protected zones (docs/alerting-scenarios.md):
/// threats that approach a zone from well outside its buffer, hover or loiter over it and leave; cooperative
/// Remote ID drones on lawful routes that keep clear of every zone and buffer; allow-listed drones that fly
/// over zones like threats but broadcast Remote ID and are on the allow-list.
/// </summary>
/// <remarks>Immutable; <see cref="Validate"/> names the first bad field.</remarks>
public sealed record ZoneTrafficOptions
{
    /// <summary>The fastest approach allowed, m/s (the evaluation's targets are for approaches at most this fast).</summary>
    public const double MaxThreatSpeedMetersPerSecond = 15;

    /// <summary>Threat flights (no Remote ID, role <c>threat</c>).</summary>
    public int Threats { get; init; }

    /// <summary>Cooperative drones (Remote ID, role <c>cooperative</c>), each flying for the whole scenario.</summary>
    public int Cooperative { get; init; }

    /// <summary>Allow-listed flights (Remote ID, role <c>allowed</c>, UAS ID on the allow-list).</summary>
    public int Allowed { get; init; }

    /// <summary>Fastest threat approach, m/s, at most 15; each flight draws its speed from [0.6, 1] × this (default 12).</summary>
    public double ThreatSpeedMetersPerSecond { get; init; } = 12;

    /// <summary>A threat starts at least this far outside every zone's buffer, m (default 2000).</summary>
    public double StandoffMeters { get; init; } = 2000;

    /// <summary>Mean time a threat spends over its zone, s; each draws from [0.5, 1.5] × this (default 60).</summary>
    public double HoverSeconds { get; init; } = 60;

    /// <summary>Lowest cruise height above the origin, m (default 30).</summary>
    public double AltitudeMinMeters { get; init; } = 30;

    /// <summary>Highest cruise height above the origin, m (default 120).</summary>
    public double AltitudeMaxMeters { get; init; } = 120;

    /// <summary>Cooperative routes stay within this distance of the origin, m (default 3000).</summary>
    public double AreaRadiusMeters { get; init; } = 3000;

    /// <summary>Whether any drone is asked for.</summary>
    public bool Any => Threats + Cooperative + Allowed > 0;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field out of its domain.</summary>
    public void Validate()
    {
        Check(Threats is >= 0 and <= 10_000, nameof(Threats), "must be in [0, 10000]");
        Check(Cooperative is >= 0 and <= 10_000, nameof(Cooperative), "must be in [0, 10000]");
        Check(Allowed is >= 0 and <= 10_000, nameof(Allowed), "must be in [0, 10000]");
        Check(ThreatSpeedMetersPerSecond is >= 1 and <= MaxThreatSpeedMetersPerSecond, nameof(ThreatSpeedMetersPerSecond), "must be in [1, 15] m/s");
        Check(StandoffMeters is >= 0 and <= 50_000, nameof(StandoffMeters), "must be in [0, 50000] m");
        Check(HoverSeconds is >= 0 and <= 3600, nameof(HoverSeconds), "must be in [0, 3600] s");
        Check(AltitudeMinMeters >= 0 && AltitudeMaxMeters > AltitudeMinMeters && AltitudeMaxMeters <= 10_000, nameof(AltitudeMinMeters), "need 0 <= min < max <= 10000");
        Check(AreaRadiusMeters is >= 500 and <= 100_000, nameof(AreaRadiusMeters), "must be in [500, 100000] m");
    }

    private static void Check(bool ok, string name, string reason)
    {
        if (!ok)
        {
            throw new ArgumentException($"{name}: {reason}", name);
        }
    }
}

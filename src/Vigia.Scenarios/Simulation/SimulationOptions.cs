using Vigia.Core.Geodesy;
using Vigia.Scenarios.Format;

namespace Vigia.Scenarios.Simulation;

/// <summary>
/// Parameters of the scenario simulator (the "Scenario model" of <c>docs/tracking-formats.md</c>).
/// Defaults are those of the shared <c>radar-n50-s1.json</c> (its <c>generator.params</c>); the
/// names in brackets are that block's keys, which <see cref="ScenarioSimulator"/> writes back.
/// </summary>
public sealed record SimulationOptions
{
    /// <summary>Seed of the random streams [seed].</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Number of target slots, n [targets].</summary>
    public int Targets { get; init; } = 50;

    /// <summary>Length of the scenario, s [duration_s]; radar scans at 0, 1, … below it.</summary>
    public double DurationSeconds { get; init; } = 60;

    /// <summary>Mean Poisson clutter count per radar scan [clutter_per_scan].</summary>
    public double ClutterPerScan { get; init; } = 10;

    /// <summary>Probability that a target broadcasts Remote ID [rid_fraction].</summary>
    public double RidFraction { get; init; } = 0.3;

    /// <summary>Radar probability of detection inside its field of view [pd].</summary>
    public double DetectionProbability { get; init; } = 0.9;

    /// <summary>Radar range noise, 1 sigma, m [sigma_r_m].</summary>
    public double RangeSigmaMeters { get; init; } = 5;

    /// <summary>Radar azimuth and elevation noise, 1 sigma, degrees [sigma_angle_deg].</summary>
    public double AngleSigmaDegrees { get; init; } = 0.5;

    /// <summary>Remote ID position noise per axis, 1 sigma, m [rid_sigma_m].</summary>
    public double RidSigmaMeters { get; init; } = 3;

    /// <summary>Probability that one Remote ID report is received [rid_pd].</summary>
    public double RidReceptionProbability { get; init; } = 0.95;

    /// <summary>Radius of the area; a target leaving it dies, m [area_radius_m].</summary>
    public double AreaRadiusMeters { get; init; } = 3000;

    /// <summary>Lowest altitude above the radar, m [altitude_m[0]].</summary>
    public double AltitudeMinMeters { get; init; } = 20;

    /// <summary>Highest altitude above the radar, m [altitude_m[1]].</summary>
    public double AltitudeMaxMeters { get; init; } = 300;

    /// <summary>Speed limit, m/s [speed_max_mps].</summary>
    public double SpeedMaxMetersPerSecond { get; init; } = 25;

    /// <summary>Radar maximum range, m; null means <see cref="AreaRadiusMeters"/> + 500 m (3.5 km by default).</summary>
    public double? RadarRangeMaxMeters { get; init; }

    /// <summary>WGS-84 anchor of the ENU frame written to the file, or null for a purely local scenario.</summary>
    public GeoPosition? OriginWgs84 { get; init; }

    /// <summary>
    /// Protected zones written to the scenario (<c>zones</c>; docs/alerting-scenarios.md); they need
    /// <see cref="OriginWgs84"/>. Empty by default.
    /// </summary>
    public IReadOnlyList<ScenarioZone> Zones { get; init; } = [];

    /// <summary>
    /// Threat, cooperative and allow-listed flights around <see cref="Zones"/>, beside the random targets, or null
    /// for none. Their truth ids come first (0, 1, …), the random targets' after them.
    /// </summary>
    public ZoneTrafficOptions? ZoneTraffic { get; init; }

    /// <summary>UTC instant of scenario time 0.</summary>
    public DateTimeOffset EpochUtc { get; init; } = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The radar maximum range in effect, m.</summary>
    public double EffectiveRadarRangeMaxMeters => RadarRangeMaxMeters ?? AreaRadiusMeters + 500;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first parameter out of its domain.</summary>
    public void Validate()
    {
        Check(Targets is >= 0 and <= 100_000, nameof(Targets), "must be in [0, 100000]");
        Check(DurationSeconds is > 0 and <= 7 * 24 * 3600, nameof(DurationSeconds), "must be in (0, 1 week]");
        Check(ClutterPerScan is >= 0 and <= 100_000, nameof(ClutterPerScan), "must be in [0, 100000]");
        Check(RidFraction is >= 0 and <= 1, nameof(RidFraction), "must be in [0, 1]");
        Check(DetectionProbability is >= 0 and <= 1, nameof(DetectionProbability), "must be in [0, 1]");
        Check(RidReceptionProbability is >= 0 and <= 1, nameof(RidReceptionProbability), "must be in [0, 1]");
        Check(RangeSigmaMeters > 0 && AngleSigmaDegrees > 0 && RidSigmaMeters > 0, nameof(RangeSigmaMeters), "noise sigmas must be positive");
        Check(AreaRadiusMeters is >= 1000 and <= 100_000, nameof(AreaRadiusMeters), "must be in [1000, 100000] (births lie between 300 m and the radius less 200 m)");
        Check(AltitudeMinMeters >= 0 && AltitudeMaxMeters > AltitudeMinMeters, nameof(AltitudeMinMeters), "need 0 <= min < max");
        Check(SpeedMaxMetersPerSecond > 3, nameof(SpeedMaxMetersPerSecond), "must exceed the 3 m/s minimum cruise speed");
        Check(EffectiveRadarRangeMaxMeters > 50, nameof(RadarRangeMaxMeters), "must exceed the 50 m minimum range");
        Check(Zones.Count == 0 || OriginWgs84 is not null, nameof(Zones), "zones need OriginWgs84 (zones are WGS-84, the scenario frame is ENU)");
        for (var i = 0; i < Zones.Count; i++)
        {
            if (Zones[i].Check() is { } problem)
            {
                Check(false, nameof(Zones), FormattableString.Invariant($"zones[{i}].{problem.Field}: {problem.Reason}"));
            }

            Check(Zones.Take(i).All(z => z.Id != Zones[i].Id), nameof(Zones), $"zone id '{Zones[i].Id}' is used twice");
        }

        if (ZoneTraffic is { } traffic)
        {
            traffic.Validate();
            Check(Zones.Count > 0 || traffic.Threats + traffic.Allowed == 0, nameof(ZoneTraffic), "threat and allow-listed flights need at least one zone");
        }
    }

    private static void Check(bool ok, string name, string reason)
    {
        if (!ok)
        {
            throw new ArgumentException($"{name}: {reason}", name);
        }
    }
}

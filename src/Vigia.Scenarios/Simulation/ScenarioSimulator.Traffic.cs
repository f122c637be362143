using System.Globalization;
using System.Text.Json;
using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Scenarios.Format;

namespace Vigia.Scenarios.Simulation;

/// <summary>Zone traffic (<see cref="ZoneTrafficOptions"/>): planned flights with roles beside the random targets.</summary>
public sealed partial class ScenarioSimulator
{
    private readonly PlannedFlight[] _flights = [];

    /// <summary>Begins the truth of flights that start at <paramref name="t"/> and ends those that are over.</summary>
    private void UpdateFlights(double t)
    {
        foreach (var flight in _flights)
        {
            var alive = t >= flight.Route.StartSeconds && t < flight.Route.DeathSeconds;
            if (alive && !flight.Alive)
            {
                _writer.BeginTruth(flight.Id, flight.Target.UasId, flight.Route.StartSeconds, flight.Target.Role);
            }
            else if (!alive && flight.Alive)
            {
                _writer.EndTruth(flight.Id, flight.Route.DeathSeconds);
            }

            flight.Alive = alive;
        }
    }

    /// <summary>A radar plot of a planned flight at <paramref name="p"/>, or null when out of view or missed.</summary>
    private Measurement? Detect(EnuVector p, ScenarioFieldOfView fov, double sigmaRange, double sigmaAngle, Matrix3x3 covariance)
    {
        var horizontal = p.HorizontalLength;
        var range = p.Length;
        var elevation = Math.Atan2(p.UpMeters, horizontal);
        var inView = range >= fov.RangeMinMeters && range <= fov.RangeMaxMeters
            && elevation >= fov.ElevationMinRadians && elevation <= fov.ElevationMaxRadians;
        if (!inView || !_radar.Bernoulli(_options.DetectionProbability))
        {
            return null;
        }

        var azimuth = Math.Atan2(p.EastMeters, p.NorthMeters);
        return Plot(range + (sigmaRange * _radar.Gaussian()), azimuth + (sigmaAngle * _radar.Gaussian()), elevation + (sigmaAngle * _radar.Gaussian()), covariance);
    }

    private static string TrafficDescription(SimulationOptions o) =>
        o.Zones.Count == 0 && o.ZoneTraffic is not { Any: true }
            ? ""
            : string.Create(CultureInfo.InvariantCulture,
                $"; {o.Zones.Count} protected zones, {o.ZoneTraffic?.Threats ?? 0} threat, {o.ZoneTraffic?.Cooperative ?? 0} cooperative and {o.ZoneTraffic?.Allowed ?? 0} allow-listed flights");

    /// <summary>The allow-listed flights' UAS IDs (their truth ids follow the threats and the cooperative drones).</summary>
    private static string[] AllowList(SimulationOptions o) =>
        o.ZoneTraffic is { } z
            ? [.. Enumerable.Range(z.Threats + z.Cooperative, z.Allowed).Select(ZoneTrafficPlanner.UasId)]
            : [];

    private static void WriteTrafficParams(Utf8JsonWriter json, SimulationOptions o)
    {
        if (o.ZoneTraffic is not { } z)
        {
            return;
        }

        json.WriteStartObject("zone_traffic"u8);
        json.WriteNumber("threats"u8, z.Threats);
        json.WriteNumber("cooperative"u8, z.Cooperative);
        json.WriteNumber("allowed"u8, z.Allowed);
        json.WriteNumber("threat_speed_mps"u8, z.ThreatSpeedMetersPerSecond);
        json.WriteNumber("standoff_m"u8, z.StandoffMeters);
        json.WriteNumber("hover_s"u8, z.HoverSeconds);
        json.WriteNumber("altitude_min_m"u8, z.AltitudeMinMeters);
        json.WriteNumber("altitude_max_m"u8, z.AltitudeMaxMeters);
        json.WriteNumber("area_radius_m"u8, z.AreaRadiusMeters);
        json.WriteEndObject();
    }

    /// <summary>One planned flight: its truth id, plan and exact route, and whether its truth is open.</summary>
    private sealed class PlannedFlight(int id, ScriptedTarget target, ScriptedTrajectory route)
    {
        public int Id { get; } = id;

        public ScriptedTarget Target { get; } = target;

        public ScriptedTrajectory Route { get; } = route;

        public bool Alive { get; set; }
    }
}

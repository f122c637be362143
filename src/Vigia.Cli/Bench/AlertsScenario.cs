using System.Globalization;
using Vigia.Alerting.Zones;
using Vigia.Core.Geodesy;

namespace Vigia.Cli.Bench;

/// <summary>
/// The protected zones and the intruders of <c>vigia bench alerts</c>. <see cref="ZoneCount"/> zones, 100 m
/// circles with a 250 m watch buffer, sit in a row 2.2 km north of the bench origin, 800 m apart, clear of the
/// background <see cref="TargetField"/> (which stays within 1.4 km of the origin); their ellipsoidal band holds
/// every intruder. Each zone gets an intruder every interval (the zones staggered across it): intruder j of a
/// zone starts 250 m from its centre (inside the buffer, 150 m from the edge) on bearing j × 137.5°, flies
/// straight through the centre at 15 m/s and vanishes 150 m past it, 26.7 s later. Each one raises or changes its
/// zone's alert when it is confirmed (advisory or warning), on entry (alarm), and when its track ends.
/// </summary>
/// <remarks>Thread-safety: immutable; safe for concurrent use.</remarks>
internal sealed class AlertsScenario(GeoPosition origin, double intruderIntervalSeconds)
{
    /// <summary>Protected zones.</summary>
    public const int ZoneCount = 6;

    /// <summary>When the first intruder appears, seconds after the load starts (background tracks are confirmed by then).</summary>
    public const double FirstIntruderSeconds = 2;

    private const double ZoneNorthMeters = 2_200;
    private const double ZoneSpacingMeters = 800;
    private const double ZoneRadiusMeters = 100;
    private const double BufferMeters = 250;
    private const double StartDistanceMeters = 250;
    private const double EndDistanceMeters = 150;
    private const double SpeedMetersPerSecond = 15;
    private const double HeightAboveOriginMeters = 80;
    private const double GoldenAngleDegrees = 137.5;

    private readonly LocalTangentPlane _plane = new(origin);

    /// <summary>How long one intruder is seen, seconds.</summary>
    public static double IntruderLifetimeSeconds => (StartDistanceMeters + EndDistanceMeters) / SpeedMetersPerSecond;

    /// <summary>The zones, as the bench creates them through the API.</summary>
    public IReadOnlyList<ProtectedZone> Zones() => [.. Enumerable.Range(0, ZoneCount).Select(z => new ProtectedZone(
        string.Create(CultureInfo.InvariantCulture, $"bench-zone-{z + 1}"),
        string.Create(CultureInfo.InvariantCulture, $"Bench zone {z + 1}"),
        ZoneKind.Village,
        new CircleShape(ToPoint(_plane.ToGeodetic(Centre(z))), ZoneRadiusMeters),
        new AltitudeBand(origin.HeightAboveEllipsoidMeters - 1_000, origin.HeightAboveEllipsoidMeters + 1_000, ZoneHeightReference.Ellipsoid),
        BufferMeters))];

    /// <summary>The intruders in the air at <paramref name="seconds"/> after the load started, with a unique name each.</summary>
    public IEnumerable<(string Name, GeoPosition Position)> Intruders(double seconds)
    {
        for (var z = 0; z < ZoneCount; z++)
        {
            var first = FirstIntruderSeconds + (z * intruderIntervalSeconds / ZoneCount);
            if (seconds < first)
            {
                continue;
            }

            var newest = (int)Math.Floor((seconds - first) / intruderIntervalSeconds);
            for (var j = newest; j >= 0; j--)
            {
                var age = seconds - first - (j * intruderIntervalSeconds);
                if (age >= IntruderLifetimeSeconds)
                {
                    break;
                }

                var bearing = double.DegreesToRadians(j * GoldenAngleDegrees);
                var along = (SpeedMetersPerSecond * age) - StartDistanceMeters;
                // From the start point on the bearing, through the centre, out on the opposite side.
                var position = Centre(z) + new EnuVector(-along * Math.Sin(bearing), -along * Math.Cos(bearing), 0);
                yield return (string.Create(CultureInfo.InvariantCulture, $"{z + 1}.{j}"), _plane.ToGeodetic(position));
            }
        }
    }

    private static EnuVector Centre(int zone) =>
        new((zone - ((ZoneCount - 1) / 2.0)) * ZoneSpacingMeters, ZoneNorthMeters, HeightAboveOriginMeters);

    private static GeoPoint ToPoint(GeoPosition p) => new(p.LatitudeDegrees, p.LongitudeDegrees);
}

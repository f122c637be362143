using Vigia.Core.Geodesy;

namespace Vigia.Cli.Bench;

/// <summary>
/// The bench's simulated targets: <see cref="BenchSettings.Targets"/> drones on a 120 m grid (about 2.7 km
/// square), each circling its own centre at radius 30 m and 6 m/s, 100–160 m up. Circles never come within
/// 60 m of each other, so every target tracks cleanly and every observation updates its own track.
/// </summary>
/// <remarks>Thread-safety: immutable; safe for concurrent use.</remarks>
internal sealed class TargetField(GeoPosition origin)
{
    private const double SpacingMeters = 120;
    private const double RadiusMeters = 30;
    private const double AngularRateRadiansPerSecond = 0.2;
    private const int Columns = 23;

    private readonly LocalTangentPlane _plane = new(origin);

    /// <summary>Position of target <paramref name="index"/> at <paramref name="seconds"/> after the bench started.</summary>
    public GeoPosition Position(int index, double seconds)
    {
        var column = index % Columns;
        var row = index / Columns;
        var phase = (AngularRateRadiansPerSecond * seconds) + (index * 0.7);
        var east = ((column - (Columns / 2)) * SpacingMeters) + (RadiusMeters * Math.Cos(phase));
        var north = ((row - (Columns / 2)) * SpacingMeters) + (RadiusMeters * Math.Sin(phase));
        var up = 100 + ((index % 7) * 10);
        return _plane.ToGeodetic(new EnuVector(east, north, up));
    }
}

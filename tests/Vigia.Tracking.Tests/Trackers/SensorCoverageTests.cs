using Vigia.Core.Geodesy;
using Vigia.Tracking.Trackers;

namespace Vigia.Tracking.Tests.Trackers;

public sealed class SensorCoverageTests
{
    private static readonly double Degree = Math.PI / 180;

    private static SensorCoverage Radar(double azimuthMin = 0, double azimuthMax = 2 * Math.PI) =>
        new(new EnuVector(100, -50, 10), 50, 3500, azimuthMin, azimuthMax, -2 * Degree, 60 * Degree);

    [Theory]
    [InlineData(1000, 0, 100, true)] // east, low
    [InlineData(30, 0, 0, false)] // inside the minimum range
    [InlineData(3600, 0, 0, false)] // beyond the maximum range
    [InlineData(100, 0, 300, false)] // 71° up: the cone of silence overhead
    [InlineData(1000, 0, -100, false)] // below the lowest beam
    [InlineData(0, -1000, 400, true)] // south, 22° up
    public void Contains_AllRoundRadar_ChecksRangeAndElevation(double east, double north, double up, bool expected)
    {
        var coverage = Radar();
        var point = coverage.Position + new EnuVector(east, north, up);

        Assert.Equal(expected, coverage.Contains(point));
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(355, true)]
    [InlineData(15, false)]
    [InlineData(180, false)]
    [InlineData(345, false)]
    public void Contains_SectorAcrossNorth_WrapsAzimuth(double bearingDegrees, bool expected)
    {
        var coverage = Radar(350 * Degree, 370 * Degree);
        var (sin, cos) = Math.SinCos(bearingDegrees * Degree);
        var point = coverage.Position + new EnuVector(1000 * sin, 1000 * cos, 50);

        Assert.Equal(expected, coverage.Contains(point));
    }
}

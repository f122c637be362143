using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Tracking.Models;
using Vigia.Tracking.Tests.TestKit;

namespace Vigia.Tracking.Tests.Models;

public sealed class RangeAzimuthElevationModelTests
{
    private static readonly RangeAzimuthElevationModel Model = RangeAzimuthElevationModel.Instance;

    /// <summary>Random target states and sensor positions, targets 50 m to 5 km away, never overhead.</summary>
    internal static IEnumerable<(double[] State, EnuVector Sensor)> RandomGeometry(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var sensor = new EnuVector(random.NextUniform(-2000, 2000), random.NextUniform(-2000, 2000), random.NextUniform(-50, 50));
            var range = random.NextUniform(50, 5000);
            var azimuth = random.NextUniform(0, 2 * Math.PI);
            var elevation = random.NextUniform(-1.2, 1.2);
            var state = new[]
            {
                sensor.EastMeters + (range * Math.Sin(azimuth) * Math.Cos(elevation)),
                sensor.NorthMeters + (range * Math.Cos(azimuth) * Math.Cos(elevation)),
                sensor.UpMeters + (range * Math.Sin(elevation)),
                random.NextUniform(-30, 30), random.NextUniform(-30, 30), random.NextUniform(-5, 5),
            };
            yield return (state, sensor);
        }
    }

    [Fact]
    public void Evaluate_RandomGeometry_MatchesIndependentTrigonometry()
    {
        var hx = new double[3];
        foreach (var (x, sensor) in RandomGeometry(500, seed: 1))
        {
            var measurement = Scenario.RadarPlot(0, 0, 0, sensor);
            Model.Evaluate(x, measurement, hx);
            var (range, azimuth, elevation) = Scenario.Polar(new EnuVector(x[0], x[1], x[2]), sensor);

            Assert.Equal(range, hx[0], 1e-9 * range);
            Assert.Equal(0, Dense.Wrap(azimuth - hx[1]), 1e-12);
            Assert.InRange(hx[1], 0, 2 * Math.PI);
            Assert.True(hx[1] < 2 * Math.PI);
            Assert.Equal(elevation, hx[2], 1e-12);
        }
    }

    [Theory]
    [InlineData(0, 1000, 0, 0)]
    [InlineData(1000, 0, 0, 90)]
    [InlineData(0, -1000, 0, 180)]
    [InlineData(-1000, 0, 0, 270)]
    [InlineData(-1, 1000, 0, 359.94270)]
    public void Evaluate_CardinalDirections_GivesCompassAzimuthClockwiseFromNorth(double east, double north, double up, double expectedDegrees)
    {
        var hx = new double[3];
        Model.Evaluate([east, north, up, 0, 0, 0], Scenario.RadarPlot(0, 0, 0, EnuVector.Zero), hx);

        Assert.Equal(expectedDegrees, hx[1] * 180 / Math.PI, 1e-4);
    }

    [Fact]
    public void Jacobian_RandomGeometry_MatchesCentralFiniteDifferences()
    {
        var analytic = new double[18];
        var plus = new double[3];
        var minus = new double[3];
        foreach (var (x, sensor) in RandomGeometry(500, seed: 2))
        {
            var measurement = Scenario.RadarPlot(0, 0, 0, sensor);
            Model.Jacobian(x, measurement, analytic);
            for (var col = 0; col < 6; col++)
            {
                const double step = 1e-3;
                var xp = (double[])x.Clone();
                var xm = (double[])x.Clone();
                xp[col] += step;
                xm[col] -= step;
                Model.Evaluate(xp, measurement, plus);
                Model.Evaluate(xm, measurement, minus);
                for (var row = 0; row < 3; row++)
                {
                    var difference = plus[row] - minus[row];
                    if (row == 1)
                    {
                        difference = Dense.Wrap(difference);
                    }

                    var numeric = difference / (2 * step);
                    var a = analytic[row * 6 + col];
                    Assert.True(Math.Abs(numeric - a) <= 1e-6 * Math.Max(Math.Abs(a), 1e-3), $"∂h{row}/∂x{col}: analytic {a}, numeric {numeric}");
                }
            }
        }
    }

    [Fact]
    public void TryInvert_OfEvaluate_RecoversThePosition()
    {
        var hx = new double[3];
        var position = new double[3];
        var covariance = new double[9];
        foreach (var (x, sensor) in RandomGeometry(500, seed: 3))
        {
            Model.Evaluate(x, Scenario.RadarPlot(0, 0, 0, sensor), hx);
            Assert.True(Model.TryInvert(Scenario.RadarPlot(hx[0], hx[1], hx[2], sensor), position, covariance));

            for (var k = 0; k < 3; k++)
            {
                Assert.Equal(x[k], position[k], 1e-6);
            }
        }
    }

    [Theory]
    [InlineData(800, 30, 5, 5, 0.5)]
    [InlineData(2500, 200, 12, 20, 1.0)]
    [InlineData(300, 300, -3, 2, 0.2)]
    public void TryInvert_Covariance_MatchesMonteCarloOfTheInversion(double range, double azimuthDegrees, double elevationDegrees, double rangeStd, double angleStdDegrees)
    {
        var sensor = new EnuVector(100, -50, 10);
        var angleStd = angleStdDegrees * Math.PI / 180;
        var azimuth = azimuthDegrees * Math.PI / 180;
        var elevation = elevationDegrees * Math.PI / 180;
        // A correlated R, so that off-diagonal handling is exercised too.
        var r = new Matrix3x3(
            rangeStd * rangeStd, 0.3 * rangeStd * angleStd, 0,
            0.3 * rangeStd * angleStd, angleStd * angleStd, 0.2 * angleStd * angleStd,
            0, 0.2 * angleStd * angleStd, angleStd * angleStd);
        var position = new double[3];
        var covariance = new double[9];
        Assert.True(Model.TryInvert(Measurement.RangeAzimuthElevation(range, azimuth, elevation, r, sensor), position, covariance));

        // Draw z ~ N(z0, R) through a Cholesky factor of R, invert each by trigonometry, take the sample covariance.
        var l11 = Math.Sqrt(r.M11);
        var l21 = r.M21 / l11;
        var l22 = Math.Sqrt(r.M22 - (l21 * l21));
        var l32 = (r.M32 - 0) / l22;
        var l33 = Math.Sqrt(r.M33 - (l32 * l32));
        var random = new Random(4);
        const int samples = 40_000;
        var points = new double[samples * 3];
        var mean = new double[3];
        for (var s = 0; s < samples; s++)
        {
            var (g1, g2, g3) = (random.NextGaussian(), random.NextGaussian(), random.NextGaussian());
            var rr = range + (l11 * g1);
            var az = azimuth + (l21 * g1) + (l22 * g2);
            var el = elevation + (l32 * g2) + (l33 * g3);
            points[s * 3] = sensor.EastMeters + (rr * Math.Cos(el) * Math.Sin(az));
            points[(s * 3) + 1] = sensor.NorthMeters + (rr * Math.Cos(el) * Math.Cos(az));
            points[(s * 3) + 2] = sensor.UpMeters + (rr * Math.Sin(el));
            for (var k = 0; k < 3; k++)
            {
                mean[k] += points[(s * 3) + k] / samples;
            }
        }

        var sample = new double[9];
        for (var s = 0; s < samples; s++)
        {
            for (var a = 0; a < 3; a++)
            {
                for (var b = 0; b < 3; b++)
                {
                    sample[a * 3 + b] += (points[(s * 3) + a] - mean[a]) * (points[(s * 3) + b] - mean[b]) / (samples - 1);
                }
            }
        }

        // Loose: 5 % of the scale of each element (sampling error ~1 %, linearisation error below that at these angles).
        for (var a = 0; a < 3; a++)
        {
            for (var b = 0; b < 3; b++)
            {
                var scale = Math.Sqrt(sample[a * 4] * sample[b * 4]);
                Assert.True(Math.Abs(sample[a * 3 + b] - covariance[a * 3 + b]) <= 0.05 * scale, $"P[{a},{b}]: model {covariance[a * 3 + b]}, Monte Carlo {sample[a * 3 + b]}");
            }
        }
    }

    [Fact]
    public void Dimension_And_AzimuthIndex_DescribeRangeAzimuthElevation()
    {
        Assert.Equal(3, Model.Dimension);
        Assert.Equal(1, Model.AzimuthIndex);
    }
}

using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Tracking.Filters;
using Vigia.Tracking.Models;
using Vigia.Tracking.Tests.TestKit;

namespace Vigia.Tracking.Tests.Filters;

/// <summary>A random prior and a measurement of one kind near it, for the updater contract.</summary>
internal sealed record UpdaterCase(GaussianState Prior, Measurement Measurement, IMeasurementModel Model)
{
    /// <summary>Sensors sit off the origin so that a model ignoring the sensor position shows.</summary>
    public static readonly EnuVector Sensor = new(500, -300, 20);

    public static IEnumerable<UpdaterCase> Random(MeasurementKind kind, int count, int seed, double maxPositionStd = 60)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return Draw(random, kind, maxPositionStd);
        }
    }

    public static GaussianState RandomPrior(Random random, double maxPositionStd = 60)
    {
        var mean = new double[6];
        do
        {
            mean[0] = random.NextUniform(-3000, 3000);
            mean[1] = random.NextUniform(-3000, 3000);
        }
        while (Math.Sqrt(Math.Pow(mean[0] - Sensor.EastMeters, 2) + Math.Pow(mean[1] - Sensor.NorthMeters, 2)) < 400);

        mean[2] = random.NextUniform(30, 400);
        for (var k = 3; k < 6; k++)
        {
            mean[k] = random.NextUniform(-20, 20);
        }

        var stds = new double[6];
        for (var k = 0; k < 3; k++)
        {
            stds[k] = random.NextUniform(2, maxPositionStd);
            stds[k + 3] = random.NextUniform(0.5, 10);
        }

        return new GaussianState(mean, random.NextSpd(stds));
    }

    private static UpdaterCase Draw(Random random, MeasurementKind kind, double maxPositionStd)
    {
        var prior = RandomPrior(random, maxPositionStd);
        var x = prior.Mean;
        var target = new EnuVector(
            x[0] + (10 * random.NextGaussian()),
            x[1] + (10 * random.NextGaussian()),
            x[2] + (5 * random.NextGaussian()));
        var angleStd = random.NextUniform(0.1, 2) * Math.PI / 180;
        var (_, az, el) = Scenario.Polar(target, Sensor);
        var measurement = kind switch
        {
            MeasurementKind.EnuPosition => Measurement.EnuPosition(
                target,
                Matrix3x3.FromRowMajor(random.NextSpd([random.NextUniform(0.5, 30), random.NextUniform(0.5, 30), random.NextUniform(0.5, 30)]), 3)),
            MeasurementKind.RangeAzimuthElevation => Scenario.Radar(target, Sensor, random, random.NextUniform(1, 20), angleStd),
            MeasurementKind.Azimuth => Scenario.Bearing(Scenario.Wrap2Pi(az + (angleStd * random.NextGaussian())), Sensor, angleStd),
            MeasurementKind.AzimuthElevation => Scenario.BearingElevation(
                Scenario.Wrap2Pi(az + (angleStd * random.NextGaussian())), el + (angleStd * random.NextGaussian()), Sensor, angleStd),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return new UpdaterCase(prior, measurement, MeasurementModels.For(kind)!);
    }

    public GaussianState ClonePrior() => new(Prior.Mean, Prior.Covariance);
}

using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Tracking.Filters;
using Vigia.Tracking.Models;
using Vigia.Tracking.Tests.TestKit;
using Vigia.Tracking.Trackers;

namespace Vigia.Tracking.Tests.Filters;

public sealed class InteractingMultipleModelTests
{
    private static readonly EnuVector Radar = new(-200, 150, 5);

    [Fact]
    public void PredictAndUpdate_OneModel_EqualsAPlainKalmanFilter()
    {
        var model = new ConstantVelocityModel(5, 0.5);
        var imm = new InteractingMultipleModel(
            new ImmOptions { Models = [model], MeanSojournSeconds = [3.0], SwitchWeights = [1.0], InitialProbabilities = [1.0] },
            ExtendedKalmanUpdater.Instance);
        var random = new Random(31);
        var initial = UpdaterCase.RandomPrior(random);
        var state = new ImmState(1);
        imm.Initialise(state, initial);
        var plain = new GaussianState(initial.Mean, initial.Covariance);

        for (var step = 0; step < 30; step++)
        {
            var dt = random.NextUniform(0.2, 2);
            imm.Predict(state, dt);
            KalmanPredictor.Predict(plain, model, dt);
            var target = new EnuVector(plain.Mean[0] + (20 * random.NextGaussian()), plain.Mean[1] + (20 * random.NextGaussian()), plain.Mean[2]);
            var measurement = step % 2 == 0 ? Scenario.Radar(target, Radar, random) : Scenario.Position(target, random);
            var measurementModel = MeasurementModels.For(measurement.Kind)!;

            Assert.True(imm.Update(state, measurement, measurementModel));
            var innovation = default(Innovation);
            Assert.True(ExtendedKalmanUpdater.Instance.TryInnovate(plain, measurement, measurementModel, ref innovation));
            ExtendedKalmanUpdater.Instance.Update(plain, ref innovation);

            Assert.Equal(1.0, state.Probabilities[0]);
            for (var k = 0; k < 6; k++)
            {
                Assert.Equal(plain.Mean[k], state.Combined.Mean[k], 1e-9);
            }

            for (var k = 0; k < 36; k++)
            {
                Assert.Equal(plain.Covariance[k], state.Combined.Covariance[k], 1e-9 * Math.Max(1, Math.Abs(plain.Covariance[k])));
            }
        }
    }

    [Fact]
    public void PredictAndUpdate_DefaultModels_KeepProbabilitiesNormalisedAndPositive()
    {
        var imm = new InteractingMultipleModel(TrackerOptions.DefaultImm, ExtendedKalmanUpdater.Instance);
        var random = new Random(32);
        var state = new ImmState(imm.ModelCount);
        imm.Initialise(state, UpdaterCase.RandomPrior(random));
        for (var step = 0; step < 300; step++)
        {
            imm.Predict(state, random.NextUniform(0.05, 3));
            AssertNormalised(state.Probabilities);
            // Occasional wild measurements push one model's likelihood far below the others.
            var spread = step % 17 == 0 ? 300 : 10;
            var x = state.Combined.Mean;
            var target = new EnuVector(x[0] + (spread * random.NextGaussian()), x[1] + (spread * random.NextGaussian()), x[2] + (5 * random.NextGaussian()));
            var measurement = step % 3 == 0 ? Scenario.Position(target, random) : Scenario.Radar(target, Radar, random);
            imm.Update(state, measurement, MeasurementModels.For(measurement.Kind)!);
            AssertNormalised(state.Probabilities);
        }
    }

    /// <summary>Cruise (quiet CV), manoeuvre (noisy CV) and hover: fixed here so that retuning the defaults does not move the test.</summary>
    private static readonly ImmOptions CruiseManoeuvreHover = new()
    {
        Models = [new ConstantVelocityModel(0.1, 0.05), new ConstantVelocityModel(8.0, 1.0), new HoverModel(0.1, 0.05, 1.5)],
        MeanSojournSeconds = [10.0, 4.0, 8.0],
        SwitchWeights = [1.0, 1.0, 0.5],
        InitialProbabilities = [0.4, 0.4, 0.2],
    };

    [Fact]
    public void Update_TargetTurnsHardAfterFlyingStraight_ManoeuvreProbabilityRises()
    {
        var (straight, turning) = FlyStraightThenTurn(CruiseManoeuvreHover, mu => mu[1]);

        Assert.True(turning.Max() > 0.5, $"manoeuvre probability peaked at {turning.Max()} in the turn");
        Assert.True(turning.Average() > 2 * straight.Average(), $"straight {straight.Average()}, turning {turning.Average()}");
    }

    [Fact]
    public void Update_DefaultModelsOnATargetThatTurnsHard_ProbabilityLeavesTheCruiseModel()
    {
        var (straight, turning) = FlyStraightThenTurn(TrackerOptions.DefaultImm, mu => 1 - mu[0]);

        Assert.True(turning.Average() > 2 * straight.Average(), $"non-cruise probability straight {straight.Average()}, turning {turning.Average()}");
    }

    /// <summary>
    /// 15 m/s east for 40 s, then a hard 90° turn to the north (0.3 rad/s, 4.5 m/s², 5 s), radar plots at 1 Hz;
    /// returns <paramref name="measure"/> of the model probabilities over the last 10 straight scans and the turn.
    /// </summary>
    private static (List<double> Straight, List<double> Turning) FlyStraightThenTurn(ImmOptions options, Func<double[], double> measure)
    {
        var imm = new InteractingMultipleModel(options, ExtendedKalmanUpdater.Instance);
        var random = new Random(33);
        var position = new EnuVector(-1200, 600, 100);
        var velocity = new EnuVector(15, 0, 0);
        var state = new ImmState(imm.ModelCount);
        var covariance = new double[36];
        for (var k = 0; k < 6; k++)
        {
            covariance[k * 7] = k < 3 ? 25 : 4;
        }

        imm.Initialise(state, new GaussianState([position.EastMeters, position.NorthMeters, position.UpMeters, 15, 0, 0], covariance));
        var straight = new List<double>();
        var turning = new List<double>();
        for (var t = 1; t <= 50; t++)
        {
            const double turnRate = 0.3;
            if (t > 40 && t <= 45)
            {
                var (sin, cos) = Math.SinCos(turnRate);
                velocity = new EnuVector((cos * velocity.EastMeters) - (sin * velocity.NorthMeters), (sin * velocity.EastMeters) + (cos * velocity.NorthMeters), 0);
            }

            position += velocity;
            imm.Predict(state, 1.0);
            Assert.True(imm.Update(state, Scenario.Radar(position, Radar, random, 3, 0.2 * Math.PI / 180), RangeAzimuthElevationModel.Instance));
            if (t is > 30 and <= 40)
            {
                straight.Add(measure(state.Probabilities));
            }
            else if (t is > 41 and <= 46)
            {
                turning.Add(measure(state.Probabilities));
            }
        }

        return (straight, turning);
    }

    [Fact]
    public void Moments_IdenticalComponents_EqualsTheComponent()
    {
        var component = UpdaterCase.RandomPrior(new Random(34));
        GaussianState[] components = [Copy(component), Copy(component), Copy(component)];
        var result = new GaussianState();

        InteractingMultipleModel.Moments(components, [0.2, 0.3, 0.5], result);

        for (var k = 0; k < 6; k++)
        {
            Assert.Equal(component.Mean[k], result.Mean[k], 1e-9);
        }

        for (var k = 0; k < 36; k++)
        {
            Assert.Equal(component.Covariance[k], result.Covariance[k], 1e-9 * Math.Max(1, Math.Abs(component.Covariance[k])));
        }
    }

    [Fact]
    public void Moments_TwoPointMassesApart_AddsTheSpreadOfTheMeans()
    {
        // Equal weights at east = ±10 with zero covariance: mean 0, east variance 100, nothing else.
        var a = new GaussianState([10, 5, 0, 1, 0, 0], new double[36]);
        var b = new GaussianState([-10, 5, 0, 1, 0, 0], new double[36]);
        var result = new GaussianState();

        InteractingMultipleModel.Moments([a, b], [0.5, 0.5], result);

        Assert.Equal([0.0, 5, 0, 1, 0, 0], result.Mean);
        var expected = new double[36];
        expected[0] = 100;
        Assert.Equal(expected, result.Covariance);
    }

    [Fact]
    public void Initialise_State_CopiesTheGaussianIntoEveryModelWithTheInitialProbabilities()
    {
        var imm = new InteractingMultipleModel(TrackerOptions.DefaultImm, ExtendedKalmanUpdater.Instance);
        var state = new ImmState(imm.ModelCount);
        var initial = UpdaterCase.RandomPrior(new Random(36));

        imm.Initialise(state, initial);

        Assert.Equal(TrackerOptions.DefaultImm.InitialProbabilities, state.Probabilities);
        Assert.All(state.Models.Append(state.Combined), m =>
        {
            Assert.Equal(initial.Mean, m.Mean);
            Assert.Equal(initial.Covariance, m.Covariance);
        });
    }

    [Fact]
    public void Constructor_MismatchedOptionLengths_Throws()
    {
        var options = new ImmOptions
        {
            Models = [new ConstantVelocityModel(1, 1), new ConstantVelocityModel(5, 1)],
            MeanSojournSeconds = [1.0],
            SwitchWeights = [1.0, 1.0],
            InitialProbabilities = [0.5, 0.5],
        };

        Assert.Throws<ArgumentException>(() => new InteractingMultipleModel(options, ExtendedKalmanUpdater.Instance));
    }

    [Fact]
    public void Constructor_UnnormalisedInitialProbabilities_AreNormalised()
    {
        var options = new ImmOptions
        {
            Models = [new ConstantVelocityModel(1, 1), new ConstantVelocityModel(5, 1)],
            MeanSojournSeconds = [5.0, 5.0],
            SwitchWeights = [1.0, 1.0],
            InitialProbabilities = [3.0, 1.0],
        };

        var imm = new InteractingMultipleModel(options, ExtendedKalmanUpdater.Instance);

        Assert.Equal([0.75, 0.25], imm.InitialProbabilities);
    }

    [Theory]
    [InlineData(-0.1, 1.0, 1.0, 1.0)]
    [InlineData(0.0, 0.0, 1.0, 1.0)]
    [InlineData(0.5, 0.5, 0.0, 1.0)]
    [InlineData(0.5, 0.5, 1.0, -1.0)]
    public void Constructor_InvalidProbabilitiesSojournOrWeights_Throws(double p0, double p1, double sojourn, double weight)
    {
        var options = new ImmOptions
        {
            Models = [new ConstantVelocityModel(1, 1), new ConstantVelocityModel(5, 1)],
            MeanSojournSeconds = [sojourn, 5.0],
            SwitchWeights = [weight, 1.0],
            InitialProbabilities = [p0, p1],
        };

        Assert.Throws<ArgumentException>(() => new InteractingMultipleModel(options, ExtendedKalmanUpdater.Instance));
    }

    [Fact]
    public void Predict_NoModelToSwitchTo_KeepsProbabilitiesFinite()
    {
        var options = new ImmOptions
        {
            Models = [new ConstantVelocityModel(1, 1), new HoverModel(0.1, 0.01, 1)],
            MeanSojournSeconds = [5.0, 5.0],
            SwitchWeights = [1.0, 0.0],
            InitialProbabilities = [0.5, 0.5],
        };
        var imm = new InteractingMultipleModel(options, ExtendedKalmanUpdater.Instance);
        var state = new ImmState(2);
        var initial = new GaussianState();
        for (var i = 0; i < 6; i++)
        {
            initial.Covariance[(i * 6) + i] = 10;
        }

        imm.Initialise(state, initial);
        imm.Predict(state, 1.0);

        Assert.All(state.Probabilities, p => Assert.True(double.IsFinite(p)));
        Assert.All(state.Combined.Mean, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(1.0, state.Probabilities.Sum(), 12);
    }

    [Fact]
    public void Constructor_MoreModelsThanTheMaximum_Throws()
    {
        var count = InteractingMultipleModel.MaximumModels + 1;
        var options = new ImmOptions
        {
            Models = [.. Enumerable.Range(0, count).Select(_ => (ITransitionModel)new ConstantVelocityModel(1, 1))],
            MeanSojournSeconds = [.. Enumerable.Repeat(5.0, count)],
            SwitchWeights = [.. Enumerable.Repeat(1.0, count)],
            InitialProbabilities = [.. Enumerable.Repeat(1.0, count)],
        };

        Assert.Throws<ArgumentException>(() => new InteractingMultipleModel(options, ExtendedKalmanUpdater.Instance));
    }

    [Fact]
    public void Update_EveryModelRejectsTheMeasurement_ReturnsFalseAndLeavesTheStateUnchanged()
    {
        var imm = new InteractingMultipleModel(TrackerOptions.DefaultImm, ExtendedKalmanUpdater.Instance);
        var state = new ImmState(imm.ModelCount);
        imm.Initialise(state, UpdaterCase.RandomPrior(new Random(35)));
        var mean = (double[])state.Combined.Mean.Clone();
        var probabilities = (double[])state.Probabilities.Clone();
        var bad = new Measurement(MeasurementKind.EnuPosition, 0, 0, 0, Core.Numerics.Matrix3x3.Diagonal(-1e12, -1e12, -1e12));

        Assert.False(imm.Update(state, bad, PositionMeasurementModel.Instance));
        Assert.Equal(mean, state.Combined.Mean);
        Assert.Equal(probabilities, state.Probabilities);
    }

    private static GaussianState Copy(GaussianState s) => new(s.Mean, s.Covariance);

    private static void AssertNormalised(double[] probabilities)
    {
        Assert.Equal(1.0, probabilities.Sum(), 1e-12);
        Assert.All(probabilities, p => Assert.True(p > 0 && p <= 1, $"probability {p}"));
    }
}

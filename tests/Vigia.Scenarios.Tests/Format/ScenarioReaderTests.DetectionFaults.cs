using Vigia.Core.Observations;
using Vigia.Scenarios.Format;

namespace Vigia.Scenarios.Tests.Format;

/// <summary>Detection-level faults are skipped and counted by reason, never thrown.</summary>
public sealed partial class ScenarioReaderTests
{
    [Fact]
    public void ReadScans_BadDetections_AreSkippedAndCountedByReason()
    {
        using var reader = ScenarioReader.Open(Path.Combine(AppContext.BaseDirectory, "TestData", "detection-faults.json"));

        var scan = Assert.Single(reader.ReadScans());

        Assert.Equal(2, scan.Observations.Count);
        Assert.Equal(10, reader.Faults.Total);
        Assert.Equal(3, reader.Faults[ObservationFault.NonFiniteValue]);              // "NaN", 1e400, true
        Assert.Equal(1, reader.Faults[ObservationFault.UnknownSensor]);               // radar-7
        Assert.Equal(2, reader.Faults[ObservationFault.WrongValueCount]);             // 2 values; 2×2 covariance
        Assert.Equal(2, reader.Faults[ObservationFault.CovarianceNotPositiveDefinite]); // negative variance; "x"
        Assert.Equal(1, reader.Faults[ObservationFault.ValueOutOfRange]);             // range -5
        Assert.Equal(1, reader.Faults[ObservationFault.UnsupportedKind]);             // "lla"
        Assert.Equal(6, reader.Faults.NonZero.Count());
        Assert.Empty(reader.ReadTruth());
    }

    [Fact]
    public void ReadScans_DetectionWithoutCovariance_UsesTheSensorNoiseSquared()
    {
        using var reader = ScenarioReader.Open(Path.Combine(AppContext.BaseDirectory, "TestData", "detection-faults.json"));

        var scan = Assert.Single(reader.ReadScans());

        var defaulted = scan.Observations[0].Measurement;
        Assert.Equal(25.0, defaulted.Covariance.M11);
        Assert.Equal(0.0087 * 0.0087, defaulted.Covariance.M22, 15);
        Assert.Equal(0.0087 * 0.0087, defaulted.Covariance.M33, 15);
        Assert.Equal(0.0, defaulted.Covariance.M12);
        var explicitCovariance = scan.Observations[1].Measurement;
        Assert.Equal(16.0, explicitCovariance.Covariance.M11);
        Assert.Equal(1500.0, explicitCovariance.V0);
    }

    [Fact]
    public void DetectionFaultCounts_Add_CountsPerReasonAndRejectsNone()
    {
        var counts = new DetectionFaultCounts();

        counts.Add(ObservationFault.UnknownSensor);
        counts.Add(ObservationFault.UnknownSensor);
        counts.Add(ObservationFault.NonFiniteValue);

        Assert.Equal(3, counts.Total);
        Assert.Equal(2, counts[ObservationFault.UnknownSensor]);
        Assert.Equal(0, counts[ObservationFault.OutOfOrder]);
        Assert.Equal([new(ObservationFault.NonFiniteValue, 1), new(ObservationFault.UnknownSensor, 2)], counts.NonZero.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => counts.Add(ObservationFault.None));
    }
}

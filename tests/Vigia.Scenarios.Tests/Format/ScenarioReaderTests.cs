using System.Text.Json;
using Vigia.Core.Observations;
using Vigia.Scenarios.Format;
using Vigia.Testing;

namespace Vigia.Scenarios.Tests.Format;

public sealed partial class ScenarioReaderTests
{
    public static TheoryData<string> SharedScenarios => ["radar-n5-s1.json", "radar-n50-s1.json", "radar-rid-n20-c50-s2.json"];

    [Theory]
    [MemberData(nameof(SharedScenarios))]
    public void ReadScans_SharedScenario_CountsMatchADirectCountOfTheJson(string name)
    {
        var path = TestPaths.SharedData("scenarios", name);
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var expectedScans = document.RootElement.GetProperty("scans").EnumerateArray().ToList();
        var expectedTruth = document.RootElement.GetProperty("truth").EnumerateArray().ToList();

        using var reader = ScenarioReader.Open(path);
        var scans = reader.ReadScans().ToList();
        var truth = reader.ReadTruth();

        Assert.Equal(expectedScans.Count, scans.Count);
        for (var i = 0; i < scans.Count; i++)
        {
            Assert.Equal(expectedScans[i].GetProperty("t").GetDouble(), scans[i].TimeSeconds);
            Assert.Equal(expectedScans[i].GetProperty("sensor").GetString(), scans[i].Sensor.Value);
            Assert.Equal(expectedScans[i].GetProperty("detections").GetArrayLength(), scans[i].Observations.Count);
        }

        Assert.Equal(0, reader.Faults.Total);
        Assert.Equal(expectedTruth.Count, truth.Count);
        Assert.Equal(expectedTruth.Sum(t => t.GetProperty("states").GetArrayLength()), truth.Sum(t => t.States.Count));
    }

    [Theory]
    [InlineData("radar-n5-s1.json", 894)]
    [InlineData("radar-n50-s1.json", 3883)]
    [InlineData("radar-rid-n20-c50-s2.json", 9162)]
    public void ReadScans_SharedScenario_MeasurementTotalMatchesTheFormatDocument(string name, int measurements)
    {
        using var reader = ScenarioReader.Open(TestPaths.SharedData("scenarios", name));

        Assert.Equal(measurements, reader.ReadScans().Sum(s => s.Observations.Count));
    }

    [Fact]
    public void Open_RadarN50_ReadsTheHeader()
    {
        using var reader = ScenarioReader.Open(TestPaths.SharedData("scenarios", "radar-n50-s1.json"));
        var header = reader.Header;

        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), header.EpochUtc);
        Assert.Equal(0.0, header.StartSeconds);
        Assert.Equal(60.0, header.EndSeconds);
        Assert.Null(header.OriginWgs84);
        Assert.Equal(2, header.Sensors.Count);
        var radar = header.Sensors[0];
        Assert.Equal("radar-1", radar.Id.Value);
        Assert.Equal(MeasurementKind.RangeAzimuthElevation, radar.Kind);
        Assert.Equal([5.0, 0.008726646, 0.008726646], radar.NoiseStd);
        Assert.Equal(0.9, radar.DetectionProbability);
        Assert.Equal(10.0, radar.ClutterPerScan);
        Assert.Equal(3500.0, radar.FieldOfView!.RangeMaxMeters);
        var rid = header.Sensors[1];
        Assert.Equal(MeasurementKind.EnuPosition, rid.Kind);
        Assert.Equal(0.5, rid.OffsetSeconds);
        Assert.Null(rid.FieldOfView);
    }

    [Fact]
    public void ReadScans_RadarN50_FirstDetectionsAreTheFilesValues()
    {
        using var reader = ScenarioReader.Open(TestPaths.SharedData("scenarios", "radar-n50-s1.json"));
        var scans = reader.ReadScans().Take(2).ToList();

        var first = scans[0].Observations[0];
        Assert.Equal("radar-1", first.Sensor.Value);
        Assert.Equal(MeasurementKind.RangeAzimuthElevation, first.Measurement.Kind);
        Assert.Equal(1742.41, first.Measurement.V0);
        Assert.Equal(4.7820004, first.Measurement.V1);
        Assert.Equal(0.0852101, first.Measurement.V2);
        Assert.Equal(25.0, first.Measurement.Covariance.M11);
        Assert.Equal(7.6154355e-05, first.Measurement.Covariance.M22);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), first.SensorTime.ToDateTimeOffset());
        Assert.Equal(first.SensorTime, first.ReceiveTime);
        Assert.Null(first.UasId);

        Assert.Equal(0.5, scans[1].TimeSeconds);
        var rid = scans[1].Observations[0];
        Assert.Equal(MeasurementKind.EnuPosition, rid.Measurement.Kind);
        Assert.Equal(504.552, rid.Measurement.V0);
        Assert.Equal(-2501.987, rid.Measurement.V1);
        Assert.Equal(82.559, rid.Measurement.V2);
        Assert.Equal(9.0, rid.Measurement.Covariance.M33);
        Assert.Equal("RID-00006", rid.UasId);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, 500, TimeSpan.Zero), rid.SensorTime.ToDateTimeOffset());
    }

    [Fact]
    public void ReadTruth_WithoutReadingScans_SkipsThemAndReadsTheTruth()
    {
        using var reader = ScenarioReader.Open(TestPaths.SharedData("scenarios", "radar-n50-s1.json"));

        var truth = reader.ReadTruth();

        Assert.Equal(71, truth.Count);
        Assert.Equal(0, truth[0].Id);
        Assert.Null(truth[0].UasId);
        Assert.Equal(53.7, truth[0].DeathSeconds);
        Assert.Equal(new TruthState(0.0, -1917.333, 616.809, 60.365, 7.187, -17.559, 0.0), truth[0].States[0]);
    }

    [Fact]
    public void ReadTruth_AfterAbandoningScansHalfway_StillReadsTheTruth()
    {
        using var reader = ScenarioReader.Open(TestPaths.SharedData("scenarios", "radar-n5-s1.json"));
        Assert.Equal(3, reader.ReadScans().Take(3).Count());

        Assert.Equal(8, reader.ReadTruth().Count);
        Assert.Throws<InvalidOperationException>(() => reader.ReadScans());
    }

    [Fact]
    public void ReadToEnd_AfterTheScans_ChecksTheRestButKeepsNoTruth()
    {
        using var reader = ScenarioReader.Open(TestPaths.SharedData("scenarios", "radar-n5-s1.json"));
        Assert.Equal(120, reader.ReadScans().Count());

        reader.ReadToEnd();

        Assert.Empty(reader.ReadTruth());
    }

    [Fact]
    public void ReadToEnd_TrailingContent_IsAFileLevelFault()
    {
        using var reader = ScenarioReader.Open(Path.Combine(AppContext.BaseDirectory, "TestData", "malformed", "trailing-content.json"));
        foreach (var scan in reader.ReadScans())
        {
            Assert.NotNull(scan);
        }

        var fault = Assert.Throws<ScenarioFormatException>(reader.ReadToEnd);
        Assert.Equal(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "malformed", "trailing-content.json")).Length, fault.Line);
    }
}

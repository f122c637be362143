using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Scenarios.Format;
using Vigia.Testing;

namespace Vigia.Scenarios.Tests.Format;

public sealed class ScenarioWriterTests
{
    [Fact]
    public void WriteThenRead_SharedScenario_RoundTripsScansAndTruth()
    {
        var source = TestPaths.SharedData("scenarios", "radar-rid-n20-c50-s2.json");
        var copy = Path.Combine(TestPaths.NewTempDirectory(), "copy.json");
        List<ScenarioScan> original;
        IReadOnlyList<TruthTrack> originalTruth;
        using (var reader = ScenarioReader.Open(source))
        using (var writer = ScenarioWriter.Create(copy, reader.Header))
        {
            original = [];
            foreach (var scan in reader.ReadScans())
            {
                original.Add(scan);
                writer.BeginScan(scan.TimeSeconds, scan.Sensor);
                foreach (var o in scan.Observations)
                {
                    writer.WriteDetection(o.Measurement, truthId: null, o.UasId);
                }

                writer.EndScan();
            }

            originalTruth = reader.ReadTruth();
            foreach (var track in originalTruth)
            {
                writer.WriteTruthTrack(track);
            }

            writer.Complete();
        }

        using var back = ScenarioReader.Open(copy);
        var scans = back.ReadScans().ToList();
        Assert.Equal(original.Count, scans.Count);
        for (var i = 0; i < scans.Count; i++)
        {
            Assert.Equal(original[i].TimeSeconds, scans[i].TimeSeconds);
            Assert.Equal(original[i].Sensor, scans[i].Sensor);
            Assert.Equal(original[i].Observations, scans[i].Observations);
        }

        var truth = back.ReadTruth();
        Assert.Equal(originalTruth.Count, truth.Count);
        for (var i = 0; i < truth.Count; i++)
        {
            Assert.Equal(originalTruth[i] with { States = [] }, truth[i] with { States = [] });
            Assert.Equal(originalTruth[i].States, truth[i].States);
        }
    }

    [Fact]
    public void Complete_TruthWrittenInterleaved_ComesOutPerTargetInIdOrder()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "interleaved.json");
        var header = new ScenarioHeader
        {
            EpochUtc = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero),
            EndSeconds = 3,
            OriginWgs84 = new GeoPosition(40.4, -3.7, 650),
            Sensors = [new ScenarioSensor { Id = new("rid-1"), Type = "remote_id", Kind = MeasurementKind.EnuPosition, NoiseStd = [3, 3, 3] }],
        };
        using (var writer = ScenarioWriter.Create(path, header))
        {
            writer.BeginTruth(5, "RID-00005", 0);
            writer.BeginTruth(2, null, 0);
            for (var t = 0; t < 3; t++)
            {
                writer.WriteTruthState(5, new TruthState(t, t, 0, 50, 1, 0, 0));
                if (t <= 1)
                {
                    writer.WriteTruthState(2, new TruthState(t, 0, t, 60, 0, 1, 0));
                }

                if (t == 1)
                {
                    writer.EndTruth(2, 1.5);
                }

                writer.BeginScan(t + 0.5, new("rid-1"));
                writer.WriteDetection(Measurement.EnuPosition(new EnuVector(t, 0, 50), Matrix3x3.Diagonal(9, 9, 9)), 5, "RID-00005");
                writer.EndScan();
            }

            Assert.Throws<ArgumentException>(() => writer.WriteTruthState(2, default));
            writer.Complete();
        }

        using var reader = ScenarioReader.Open(path);
        Assert.Equal(header.OriginWgs84, reader.Header.OriginWgs84);
        Assert.Equal(header.EpochUtc, reader.Header.EpochUtc);
        Assert.Equal(3, reader.ReadScans().Count());
        var truth = reader.ReadTruth();
        Assert.Equal([2, 5], truth.Select(t => t.Id));
        Assert.Equal(1.5, truth[0].DeathSeconds);
        Assert.Equal(2, truth[0].States.Count);
        Assert.Null(truth[1].DeathSeconds);
        Assert.Equal("RID-00005", truth[1].UasId);
        Assert.Equal([0.0, 1.0, 2.0], truth[1].States.Select(s => s.X));
    }

    [Fact]
    public void BeginScan_TimeGoingBackwards_Throws()
    {
        using var writer = new ScenarioWriter(new MemoryStream(), new ScenarioHeader { EpochUtc = DateTimeOffset.UnixEpoch, Sensors = [] });
        writer.BeginScan(2, new("radar-1"));
        writer.EndScan();

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.BeginScan(1, new("radar-1")));
    }
}

using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Storage.Tests.Support;

namespace Vigia.Storage.Tests;

public abstract partial class JournalContractTests
{
    [Fact]
    public async Task Append_EveryMeasurementKind_ReadsBackBitExact()
    {
        var journal = await OpenAsync();
        var batch = Support.Build.OneOfEachKind();

        var outcomes = await journal.AppendObservationsAsync(batch, Ct);
        var stored = await ReadAllAsync(journal);

        Assert.Equal(batch.Count, stored.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            Assert.False(outcomes[i].Duplicate);
            Assert.Equal(outcomes[i].Sequence, stored[i].Sequence);
            BitExact.Equal(batch[i].Observation, stored[i].Observation);
            Assert.Equal(batch[i].Raw?.ToArray(), stored[i].Raw);
        }
    }

    [Fact]
    public async Task Append_ExtremeDoubles_ReadBackExactly_NaNAsNaN()
    {
        var journal = await OpenAsync();
        var awkward = new Observation
        {
            Sensor = new SensorId("df-1"),
            SensorTime = new Vigia.Core.Time.Timestamp(long.MinValue + 1),
            ReceiveTime = new Vigia.Core.Time.Timestamp(long.MaxValue),
            Measurement = new Measurement(
                MeasurementKind.Azimuth, double.MaxValue, double.NaN, double.PositiveInfinity,
                new Vigia.Core.Numerics.Matrix3x3(double.Epsilon, -0.0, double.MinValue, -0.0, 1e308, double.NegativeInfinity, double.MinValue, double.NegativeInfinity, 0.1 + 0.2)),
            OperatorPosition = new GeoPosition(-90, 180, -0.0),
            UasId = "ñandú-✈",
        };

        await journal.AppendObservationsAsync([new JournalObservation(awkward, Array.Empty<byte>())], Ct);
        var back = Assert.Single(await ReadAllAsync(journal));

        // NaN comes back as the same (canonical) NaN: SQLite stores it as NULL, PostgreSQL as float8 NaN.
        BitExact.Equal(awkward, back.Observation);
        Assert.Equal(Array.Empty<byte>(), back.Raw);
    }

    [Fact]
    public async Task Append_ReturnsAscendingSequenceNumbersInInputOrder()
    {
        var journal = await OpenAsync();
        var first = Enumerable.Range(0, 300).Select(i => Support.Build.Plot("radar-1", 300 - i, i % 2 == 0 ? null : "c" + i, [(byte)(i & 0xFF), (byte)(i >> 8)])).ToList();

        var a = await journal.AppendObservationsAsync(first, Ct);
        var b = await journal.AppendObservationsAsync([Support.Build.Plot("radar-1", 0)], Ct);

        for (var i = 1; i < a.Length; i++)
        {
            Assert.True(a[i].Sequence > a[i - 1].Sequence, $"sequence {i} not ascending");
        }

        Assert.True(b[0].Sequence > a[^1].Sequence);
        var stored = (await ReadAllAsync(journal)).ToDictionary(s => s.Sequence);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i].Raw!.Value.ToArray(), stored[a[i].Sequence].Raw);
        }
    }

    [Fact]
    public async Task Read_FiltersByTimeRangeSensorAndSequence_WithLimitAndOrder()
    {
        var journal = await OpenAsync();
        var batch = new List<JournalObservation>();
        for (var i = 0; i < 20; i++)
        {
            // Times not in sequence order: 19, 18, … for radar-1; 0…9 for radar-2 interleaved.
            batch.Add(Support.Build.Plot(i % 2 == 0 ? "radar-1" : "radar-2", i % 2 == 0 ? 100 - i : i));
        }

        var outcomes = await journal.AppendObservationsAsync(batch, Ct);

        var inRange = await ReadAllAsync(journal, new ObservationQuery { From = Support.Build.At(5), To = Support.Build.At(86) });
        Assert.Equal([5, 7, 9, 11, 13, 15, 17, 19, 82, 84], inRange.Select(s => (int)Math.Round(s.Observation.SensorTime.SecondsSince(Support.Build.T0))));

        var radar2 = await ReadAllAsync(journal, new ObservationQuery { SensorId = "radar-2" });
        Assert.Equal(10, radar2.Count);
        Assert.All(radar2, s => Assert.Equal("radar-2", s.Observation.Sensor.Value));
        Assert.True(radar2.Select(s => s.Observation.SensorTime).SequenceEqual(radar2.Select(s => s.Observation.SensorTime).Order()));

        var after = await ReadAllAsync(journal, new ObservationQuery { AfterSequence = outcomes[14].Sequence, BySequence = true });
        Assert.Equal(outcomes.Skip(15).Select(o => o.Sequence), after.Select(s => s.Sequence));

        var limited = await ReadAllAsync(journal, new ObservationQuery { Limit = 3 });
        Assert.Equal([1, 3, 5], limited.Select(s => (int)Math.Round(s.Observation.SensorTime.SecondsSince(Support.Build.T0))));

        Assert.Equal(20, await journal.CountObservationsAsync(Ct));
        Assert.Equal(Support.Build.At(100), await journal.LatestObservationTimeAsync(Ct));
    }

    [Fact]
    public async Task LatestObservationTime_EmptyJournal_IsNull()
    {
        var journal = await OpenAsync();

        Assert.Null(await journal.LatestObservationTimeAsync(Ct));
        Assert.Empty(await ReadAllAsync(journal));
    }

    [Fact]
    public async Task Append_BatchFailingMidway_LeavesNothing()
    {
        var journal = await OpenAsync();
        await journal.AppendObservationsAsync([Support.Build.Plot("radar-1", 0, "kept")], Ct);
        var batch = Enumerable.Range(1, 100).Select(i => Support.Build.Plot("radar-1", i, "c" + i)).ToList();

        // A sensor id the schema refuses (NOT NULL), after 60 good rows.
        var bad = batch[60].Observation with { Sensor = default };
        batch[60] = new JournalObservation(bad);

        await Assert.ThrowsAsync<JournalException>(() => journal.AppendObservationsAsync(batch, Ct));

        var left = await ReadAllAsync(journal);
        Assert.Equal("kept", Assert.Single(left).Observation.ClientId);

        // The good rows can still be written afterwards: nothing of the failed batch holds their keys.
        batch.RemoveAt(60);
        var outcomes = await journal.AppendObservationsAsync(batch, Ct);
        Assert.All(outcomes, o => Assert.False(o.Duplicate));
    }
}

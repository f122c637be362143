using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Protocols.Asterix;
using Vigia.Sensors.Radar;

namespace Vigia.Sensors.Tests.Radar;

/// <summary>The redundant-network capture (every record twice) through pcap replay and the adapter.</summary>
public sealed partial class RadarAdapterTests
{
    [Fact]
    public void RedundantCapture_GivesOneObservationPerUniquePlot_AndCountsEverySourceAndDuplicate()
    {
        var (adapter, observations, summary) = RadarTestData.Replay("cat_034_048.pcap", RadarTestData.CaptureOptions());

        Assert.Equal((100, 0, 63), (summary.Packets, summary.Skipped, summary.Observations));
        Assert.Null(summary.FileError);
        Assert.Equal(63, observations.Count);
        var counters = adapter.Counters.Values.ToList();
        Assert.Equal(128 + 34, counters.Sum(c => c.Records));
        Assert.Equal(64 + 17, counters.Sum(c => c.Duplicates));
        Assert.Equal(17, counters.Sum(c => c.ServiceMessages));
        Assert.Equal(63, counters.Sum(c => c.Observations));
        Assert.Equal(1, counters.Sum(c => c.Rejected(RadarRejectReason.NoPosition)));
        Assert.Equal(0, counters.Sum(c => c.Malformed + c.Unsupported));
        Assert.Equal(0, adapter.Unattributed.Records + adapter.Unattributed.Malformed);
        Assert.Equal(RadarTestData.CaptureSics.Select(sic => new DataSourceIdentifier(25, sic)).ToHashSet(), adapter.Counters.Keys.ToHashSet());
        var sic12 = adapter.Counters[new(25, 12)];
        Assert.Equal((48, 24, 5, 19), (sic12.Records, sic12.Duplicates, sic12.ServiceMessages, sic12.Observations));
        Assert.Equal(1, adapter.Counters[new(25, 13)].Rejected(RadarRejectReason.NoPosition));
        Assert.Equal(0, adapter.Faults);
        Assert.All(observations, o => Assert.Equal(ObservationFault.None, o.Measurement.Validate()));
    }

    [Fact]
    public void Counters_SplitPlotsFromSystemTracks_AndKeepTheLastTimeOfDayAndArrival()
    {
        var (adapter, _, _) = RadarTestData.Replay("cat_034_048.pcap", RadarTestData.CaptureOptions());
        var sic12 = adapter.Counters[new(25, 12)];

        // 48 records, each twice: 19 unique plots and 5 unique CAT-034 messages, no system track.
        Assert.Equal((19, 0, 5), (sic12.Plots, sic12.SystemTracks, sic12.ServiceMessages));
        Assert.Equal(sic12.Records, 2 * (sic12.Plots + sic12.ServiceMessages));
        Assert.InRange(sic12.LastTimeOfDay!.Value.TotalSeconds, (7 * 3600) + (35 * 60), (7 * 3600) + (37 * 60));
        Assert.Equal(new DateOnly(2016, 5, 5), DateOnly.FromDateTime(sic12.LastRecordAt!.Value.ToDateTimeOffset().UtcDateTime));
        Assert.Equal(new SensorId("radar-12"), adapter.SensorOf(new(25, 12)));
        Assert.Equal(new SensorId("sdps-100"), adapter.SensorOf(new(25, 100)));
        Assert.Null(adapter.SensorOf(new(25, 99)));

        var (tracks, _, _) = RadarTestData.Replay("cat_062_065.pcap", RadarTestData.CaptureOptions());
        var sdps = tracks.Counters[new(25, 100)];
        Assert.Equal((0, 2, 1), (sdps.Plots, sdps.SystemTracks, sdps.ServiceMessages));
    }

    [Fact]
    public void ReplayedDatagram_ResolvesTimesOfDayByItsCaptureTime_ButShowsItsReplayAsLastArrival()
    {
        var adapter = new RadarAdapter(RadarTestData.CaptureOptions());
        var fresh = new RadarCounters();
        Assert.Equal((null, null), (fresh.LastRecordAt, fresh.LastTimeOfDay));
        var captured = Vigia.Core.Time.Timestamp.FromDateTimeOffset(new DateTimeOffset(2016, 5, 5, 7, 36, 0, TimeSpan.Zero));
        var replayed = Vigia.Core.Time.Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 25, 23, 0, 0, TimeSpan.Zero));
        var output = new List<Observation>();

        Assert.Equal(1, adapter.Process(RadarTestData.Raw("cat048.raw"), captured, replayed, output));
        Assert.Equal(new DateOnly(2016, 5, 5), DateOnly.FromDateTime(output[0].SensorTime.ToDateTimeOffset().UtcDateTime));
        Assert.Equal(replayed, adapter.Counters[new(25, 201)].LastRecordAt);
    }

    [Fact]
    public void Dlh65aPlot_BecomesRangeAzimuthElevation_AtItsTimeOfDay_WithItsModeSAddress()
    {
        var (_, observations, _) = RadarTestData.Replay("cat_034_048.pcap", RadarTestData.CaptureOptions());
        var plot = Assert.Single(observations, o => o.UasId == "Icao:3C660C" && o.Sensor.Value == "radar-201");

        var m = plot.Measurement;
        Assert.Equal(MeasurementKind.RangeAzimuthElevation, m.Kind);
        Assert.Equal(197.68359375 * 1852, m.V0, 6);
        Assert.Equal(340.13671875 * Math.PI / 180, m.V1, 9);
        Assert.Equal(new DateTimeOffset(2016, 5, 5, 7, 35, 54, TimeSpan.Zero).AddTicks(6_015_625), plot.SensorTime.ToDateTimeOffset());
        var captured = new DateTimeOffset(2016, 5, 5, 7, 35, 56, 508, TimeSpan.Zero);
        Assert.InRange(plot.ReceiveTime.ToDateTimeOffset(), captured, captured.AddMilliseconds(1));
        Assert.Equal(50.0 * 50.0, m.Covariance.M11, 9);
        Assert.Equal(Math.Pow(0.1 * Math.PI / 180, 2), m.Covariance.M22, 15);
        Assert.Equal(EnuVector.Zero, m.SensorPosition);

        // FL 330 (pressure altitude 10,058.4 m) read back from range and elevation over a sphere.
        const double R = 6_371_008.8;
        var radar = R + 780;
        var height = Math.Sqrt((m.V0 * m.V0) + (radar * radar) + (2 * m.V0 * radar * Math.Sin(m.V2))) - R;
        Assert.Equal(33_000 * 0.3048, height, 3);
        Assert.InRange(Math.Sqrt(m.Covariance.M33), 1e-4, 0.5);
        Assert.Null(plot.Classification);
    }

    [Fact]
    public void SystemTracks_BecomeGeodeticObservations_WithTheirGeometricAltitude_AndStatusIsCounted()
    {
        var (adapter, observations, _) = RadarTestData.Replay("cat_062_065.pcap", RadarTestData.CaptureOptions());

        Assert.Equal(2, observations.Count);
        var counters = adapter.Counters[new DataSourceIdentifier(25, 100)];
        Assert.Equal((3, 1, 2, 0), (counters.Records, counters.ServiceMessages, counters.Observations, counters.Duplicates));
        var first = observations[0];
        Assert.Equal((MeasurementKind.GeodeticPosition, "sdps-100"), (first.Measurement.Kind, first.Sensor.Value));
        Assert.Equal(41.1671233, first.Measurement.V0, 6);
        Assert.Equal(15.7088667, first.Measurement.V1, 6);
        Assert.Equal(36481.25 * 0.3048, first.Measurement.V2, 6);
        Assert.Equal((150.0 * 150, 0.0, 50.0 * 50), (first.Measurement.Covariance.M11, first.Measurement.Covariance.M12, first.Measurement.Covariance.M33));
        Assert.Equal("Icao:4CA7A8", first.UasId);
        Assert.Equal(45827.3984375, first.SensorTime.ToDateTimeOffset().TimeOfDay.TotalSeconds, 6);
        Assert.Equal(first.ReceiveTime.ToDateTimeOffset().Date, first.SensorTime.ToDateTimeOffset().Date);
    }

    [Fact]
    public void UnknownRadarAndNoPictureFrame_AreCountedAsRejections()
    {
        var options = RadarTestData.CaptureOptions() with { Radars = [RadarTestData.CaptureOptions().Radars[1]], PictureFrame = null };
        var (adapter, observations, _) = RadarTestData.Replay("cat_034_048.pcap", options);

        Assert.Empty(observations);
        Assert.Equal(19, adapter.Counters[new(25, 12)].Rejected(RadarRejectReason.NoPictureFrame));
        Assert.Equal(14, adapter.Counters[new(25, 201)].Rejected(RadarRejectReason.UnknownSource));
        Assert.Equal(14 + 1, adapter.Counters[new(25, 201)].Duplicates);
    }
}

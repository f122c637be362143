using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Protocols.Asterix;
using Vigia.Sensors.Radar;
using static Vigia.Sensors.Tests.Radar.RadarTestData;

namespace Vigia.Sensors.Tests.Radar;

/// <summary>Hand-made plots and tracks: geometry, midnight, covariance, refusals charged to their source.</summary>
public sealed partial class RadarAdapterTests
{
    private static readonly Timestamp Morning = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(90.0, 0.0)]
    [InlineData(200.0, 0.0)]
    [InlineData(200.0, 0.5)]
    public void DistantRadar_AzimuthIsTurnedToThePictureNorth_AndCorrectedForAlignment(double thetaDegrees, double alignmentDegrees)
    {
        var origin = new GeoPosition(43.5710263, 16.4060640, 0);
        var site = new GeoPosition(43.9, 17.65, 600);
        var options = new RadarAdapterOptions
        {
            Radars = [new RadarSiteOptions { SensorId = "far", Sac = 25, Sic = 40, Position = site, NorthAlignmentDegrees = alignmentDegrees }],
            PictureFrame = new LocalTangentPlane(origin),
        };
        var plot = Record((1, [25, 40]), (2, U24(128)), (3, [0xA0]), (4, [.. U16(20 * 256), .. U16((int)Math.Round(thetaDegrees / 360 * 65536))]));

        var observation = Assert.Single(Process(options, Block(48, plot), Morning));

        var picture = options.PictureFrame;
        var theta = (thetaDegrees + alignmentDegrees) * Math.PI / 180;
        var truth = picture.TransformDirectionFrom(new LocalTangentPlane(site), new EnuVector(Math.Sin(theta), Math.Cos(theta), 0));
        var expected = Math.Atan2(truth.EastMeters, truth.NorthMeters);
        var difference = Math.IEEERemainder(observation.Measurement.V1 - expected, 2 * Math.PI);
        Assert.InRange(difference, -2e-4, 2e-4);
        Assert.Equal(picture.ToEnu(site), observation.Measurement.SensorPosition);
        Assert.Equal((0.0, 0.25), (observation.Measurement.V2, Math.Round(observation.Measurement.Covariance.M33, 12)));
        Assert.Null(observation.UasId);
    }

    [Fact]
    public void PlotJustBeforeMidnight_ReceivedJustAfter_KeepsItsDay()
    {
        var options = RadarTestData.CaptureOptions();
        var plot = Record((1, [25, 12]), (2, U24(86_400 * 128 - 1)), (3, [0xA0]), (4, [.. U16(2560), .. U16(0)]));
        var received = Timestamp.FromDateTimeOffset(new DateTimeOffset(2016, 5, 6, 0, 0, 0, 200, TimeSpan.Zero));

        var observation = Assert.Single(Process(options, Block(48, plot), received));

        Assert.Equal(new DateTimeOffset(2016, 5, 5, 23, 59, 59, TimeSpan.Zero).AddTicks(9_921_875), observation.SensorTime.ToDateTimeOffset());
    }

    [Fact]
    public void TrackWithEstimatedAccuracies_CarriesThemAsCovariance_KeptPositiveDefinite()
    {
        var options = RadarTestData.CaptureOptions();
        byte[] position = [0x00, 0x7B, 0xBB, 0xBC, 0x00, 0x2D, 0x82, 0xD8]; // 43.5°N 16.0°E at 180°/2^25
        byte[] accuracies = Record((1, [.. U16(200), .. U16(100)]), (2, U16(-40)), (4, [8]));
        var track = Record((1, [25, 100]), (4, U24(128)), (5, position), (18, U16(1600)), (27, accuracies));
        byte[] wild = Record((1, [.. U16(200), .. U16(100)]), (2, U16(0x7FFF)));
        var wildTrack = Record((1, [25, 100]), (4, U24(256)), (5, position), (27, wild));

        var observations = Process(options, Block(62, track, wildTrack), Morning);

        Assert.Equal(2, observations.Count);
        var c = observations[0].Measurement.Covariance;
        Assert.Equal((10_000.0, -400.0, -400.0, 2_500.0), (c.M11, c.M12, c.M21, c.M22));
        Assert.Equal(Math.Pow(50 * 0.3048, 2), c.M33, 9);
        Assert.Equal(10_000 * 0.3048, observations[0].Measurement.V2, 9);
        Assert.Equal((43.5, 16.0), (Math.Round(observations[0].Measurement.V0, 5), Math.Round(observations[0].Measurement.V1, 5)));
        Assert.Equal(0.99 * 100 * 50, observations[1].Measurement.Covariance.M12, 9);
        Assert.Equal(1000.0 * 1000, observations[1].Measurement.Covariance.M33);
        Assert.All(observations, o => Assert.Equal(ObservationFault.None, o.Measurement.Validate()));
    }

    [Fact]
    public void Refusals_AreChargedToTheBlocksSource_OrUnattributed()
    {
        var adapter = new RadarAdapter(RadarTestData.CaptureOptions());
        var good = Record((1, [25, 12]), (2, U24(128)), (3, [0xA0]), (4, [.. U16(2560), .. U16(0)]));
        var output = new List<Observation>();

        adapter.Process([.. Block(48, good, [0x20, 0x01, 0x01, 0x01, 0x00]), .. Block(1, Record((1, [25, 12])))], Morning, output);
        adapter.Process([0x30, 0x00, 0x02], Morning, output);
        adapter.Process(Block(48, Record((2, U24(256)))), Morning, output);

        var sic12 = adapter.Counters[new DataSourceIdentifier(25, 12)];
        Assert.Equal((1L, 1L, 1L, 1L), (sic12.Records, sic12.Observations, sic12.Malformed, sic12.Unsupported));
        Assert.Equal((1L, 1L, 1L), (adapter.Unattributed.Malformed, adapter.Unattributed.Records, adapter.Unattributed.Rejected(RadarRejectReason.UnknownSource)));
        Assert.Single(output);
        Assert.Equal(3, adapter.Datagrams);
    }

    [Fact]
    public void RandomAndMutatedDatagrams_NeverFaultTheAdapter()
    {
        var adapter = new RadarAdapter(RadarTestData.CaptureOptions());
        var seeds = new[] { Raw("cat048.raw"), Raw("cat062cat065.raw"), Raw("cat034.raw"), Raw("cat21_re.ast") };
        var random = new Random(48_062);
        var output = new List<Observation>();
        for (var i = 0; i < 20_000; i++)
        {
            var input = i % 3 == 0 ? new byte[random.Next(0, 200)] : (byte[])seeds[random.Next(seeds.Length)].Clone();
            if (i % 3 == 0)
            {
                random.NextBytes(input);
            }
            else
            {
                input[random.Next(input.Length)] ^= (byte)(1 << random.Next(8));
            }

            adapter.Process(input, Morning.AddSeconds(i), output);
        }

        Assert.Equal((0L, (string?)null), (adapter.Faults, adapter.LastFault));
        Assert.NotEmpty(output);
        Assert.All(output, o => Assert.Equal(ObservationFault.None, o.Measurement.Validate()));

        // Flipped position bits give latitudes beyond 90°: refused after decoding, as plausibility.
        Assert.True(adapter.Counters.Values.Sum(c => c.Rejected(RadarRejectReason.ImplausibleValue)) > 0);
    }

    private static List<Observation> Process(RadarAdapterOptions options, byte[] datagram, Timestamp receiveTime)
    {
        var adapter = new RadarAdapter(options);
        var output = new List<Observation>();
        adapter.Process(datagram, receiveTime, output);
        Assert.Equal(0, adapter.Faults);
        return output;
    }
}

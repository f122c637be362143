using SapientMsg.BsiFlex335V20;
using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Sensors.Sapient;
using Task = System.Threading.Tasks.Task;

namespace Vigia.Sensors.Tests.Sapient;

/// <summary>Range-bearing detections over TCP: relative to the location the node reported in its status report.</summary>
public sealed class SapientRangeBearingServerTests
{
    [Fact]
    public async Task RangeBearing_IsPlacedAtTheNodesReportedLocationInThePictureFrame()
    {
        var picture = new LocalTangentPlane(new GeoPosition(19.19, -102.85, 400));
        await using var server = SapientServerFixture.Start(new SapientServerOptions { FusionNodeId = SapientMessages.FusionNodeId, PictureFrame = picture });
        await using var node = await SapientTestNode.ConnectAsync(server.LocalEndPoint);
        await node.RegisterAsync(SapientMessages.Registration());
        var rangeBearing = new RangeBearing { Range = 800, Azimuth = 30, Elevation = 2, CoordinateSystem = RangeBearingCoordinateSystem.DegreesM, Datum = RangeBearingDatum.True };

        await node.SendAsync(SapientMessages.RangeBearingDetection(rangeBearing));
        await node.SendAsync(SapientMessages.Status());
        await node.SendAsync(SapientMessages.RangeBearingDetection(rangeBearing));
        var detection = await server.NextAsync<SapientDetection>();

        var m = detection.Observation.Measurement;
        Assert.Equal(MeasurementKind.RangeAzimuthElevation, m.Kind);
        Assert.Equal(800, m.V0);
        Assert.Equal(30 * Math.PI / 180, m.V1, 3);
        Assert.Equal(picture.ToEnu(new GeoPosition(19.1923, -102.8512, 412)), m.SensorPosition);
        var counters = server.GetCounters();
        Assert.Equal(1, counters.DetectionsUnmapped);
        Assert.Equal(1, counters.Rejections["NoNodeLocation"]);
        Assert.Equal(1, counters.Observations);
    }
}

using Google.Protobuf;
using SapientMsg.BsiFlex335V20;
using Vigia.Testing;
using ProtoTimestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace Vigia.Sensors.Tests.Sapient;

/// <summary>
/// Messages for the server tests, built from Vigía's golden SAPIENT messages (shared/data/sapient/examples/vigia-golden:
/// a radar near Tepalcatepec registering, its heartbeat, a rotary-wing UAV detection and a zone alert).
/// </summary>
public static class SapientMessages
{
    public const string FusionNodeId = "d23f0824-128b-4f33-8c5c-7fd0a6a3a450";
    public const string RadarNodeId = "6513270e-269e-4d37-b2a7-4de452e6b438";

    public static SapientMessage Golden(string name) =>
        JsonParser.Default.Parse<SapientMessage>(File.ReadAllText(TestPaths.SharedData("sapient", "examples", "vigia-golden", name + ".json")));

    /// <summary>The radar's registration under another node_id (UUID).</summary>
    public static SapientMessage Registration(string nodeId = RadarNodeId)
    {
        var message = Golden("01_registration_radar");
        message.NodeId = nodeId;
        return message;
    }

    public static SapientMessage Status(string nodeId = RadarNodeId, StatusReport.Types.System system = StatusReport.Types.System.Ok)
    {
        var message = Golden("03_status_report_radar");
        message.NodeId = nodeId;
        message.StatusReport.System = system;
        return message;
    }

    /// <summary>The golden UAV detection, optionally at another time (seconds after its own).</summary>
    public static SapientMessage Detection(string nodeId = RadarNodeId, double laterSeconds = 0)
    {
        var message = Golden("04_detection_report_uav");
        message.NodeId = nodeId;
        message.Timestamp = ProtoTimestamp.FromDateTimeOffset(message.Timestamp.ToDateTimeOffset().AddSeconds(laterSeconds));
        return message;
    }

    /// <summary>A detection whose location is replaced by a range-bearing from the node.</summary>
    public static SapientMessage RangeBearingDetection(RangeBearing rangeBearing, string nodeId = RadarNodeId)
    {
        var message = Detection(nodeId);
        message.DetectionReport.RangeBearing = rangeBearing;
        return message;
    }

    /// <summary>The golden alert, as if the radar (not the fusion node) raised it.</summary>
    public static SapientMessage Alert(string nodeId = RadarNodeId)
    {
        var message = Golden("05_alert_zone_entry");
        message.NodeId = nodeId;
        return message;
    }
}

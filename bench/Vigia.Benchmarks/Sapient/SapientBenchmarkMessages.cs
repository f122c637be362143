using System.Globalization;
using SapientMsg.BsiFlex335V20;
using Vigia.Protocols.Sapient;
using ProtoTimestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace Vigia.Benchmarks.Sapient;

/// <summary>
/// Detection reports shaped like Vigía's golden rotary-wing UAV report (shared/data/sapient/examples/vigia-golden/04,
/// 291 bytes of protobuf): geodetic location with errors, a three-level classification, a behaviour and an ENU
/// velocity; each report has its own report_id, object_id, time and position. Built in code so the benchmarks
/// need no files.
/// </summary>
public static class SapientBenchmarkMessages
{
    public const string FusionNodeId = "d23f0824-128b-4f33-8c5c-7fd0a6a3a450";
    public const string NodeId = "6513270e-269e-4d37-b2a7-4de452e6b438";
    private const long StartSeconds = 1_768_501_806;

    /// <summary>The registration a benchmark node sends first.</summary>
    public static SapientMessage RegistrationMessage(string nodeId) => new()
    {
        Timestamp = new ProtoTimestamp { Seconds = StartSeconds - 10 },
        NodeId = nodeId,
        Registration = new Registration
        {
            NodeDefinition = { new Registration.Types.NodeDefinition { NodeType = Registration.Types.NodeType.Radar } },
            IcdVersion = "BSI Flex 335 v2.0",
            Capabilities = { new Registration.Types.Capability { Category = "Radar", Type = "InstrumentedRange", Value = "3000", Units = "m" } },
            StatusDefinition = new Registration.Types.StatusDefinition
            {
                StatusInterval = new Registration.Types.Duration { Units = Registration.Types.TimeUnits.Seconds, Value = 5 },
            },
            ModeDefinition =
            {
                new Registration.Types.ModeDefinition
                {
                    ModeName = "Default",
                    ModeType = Registration.Types.ModeType.Permanent,
                    SettleTime = new Registration.Types.Duration { Units = Registration.Types.TimeUnits.Seconds, Value = 1 },
                    Task = new Registration.Types.TaskDefinition
                    {
                        ConcurrentTasks = 1,
                        RegionDefinition = new Registration.Types.RegionDefinition
                        {
                            RegionType = { Registration.Types.RegionType.AreaOfInterest },
                            RegionArea = { new Registration.Types.LocationType { LocationUnits = LocationCoordinateSystem.LatLngDegM, LocationDatum = LocationDatum.Wgs84E } },
                        },
                    },
                },
            },
            ConfigData = { new Registration.Types.ConfigurationData { Manufacturer = "Example", Model = "Example-3D" } },
        },
    };

    /// <summary>Detection number <paramref name="i"/>: 0.1 s and about 1 m apart.</summary>
    public static SapientMessage DetectionMessage(string nodeId, int i) => new()
    {
        Timestamp = new ProtoTimestamp { Seconds = StartSeconds + (i / 10), Nanos = i % 10 * 100_000_000 },
        NodeId = nodeId,
        DetectionReport = new DetectionReport
        {
            ReportId = Ulid(2 * i),
            ObjectId = Ulid((2 * i) + 1),
            Location = new Location
            {
                X = -102.8431 + (i * 1e-5),
                Y = 19.1987,
                Z = 520,
                XError = 15,
                YError = 15,
                ZError = 25,
                CoordinateSystem = LocationCoordinateSystem.LatLngDegM,
                Datum = LocationDatum.Wgs84E,
            },
            DetectionConfidence = 0.9f,
            Classification =
            {
                new DetectionReport.Types.DetectionReportClassification
                {
                    Type = "Air Vehicle",
                    Confidence = 0.95f,
                    SubClass =
                    {
                        new DetectionReport.Types.SubClass
                        {
                            Type = "UAV Rotary Wing", Confidence = 0.8f, Level = 1,
                            SubClass_ = { new DetectionReport.Types.SubClass { Type = "Commercial", Confidence = 0.6f, Level = 2 } },
                        },
                    },
                },
            },
            Behaviour = { new DetectionReport.Types.Behaviour { Type = "Loitering", Confidence = 0.5f } },
            EnuVelocity = new ENUVelocity { EastRate = -3.5, NorthRate = 4.0, UpRate = 0.0 },
        },
    };

    /// <summary><paramref name="count"/> detection frames back to back, as they arrive on a node's stream.</summary>
    public static byte[] DetectionStream(string nodeId, int count, int first = 0)
    {
        var frames = new List<byte>();
        for (var i = first; i < first + count; i++)
        {
            frames.AddRange(SapientWriter.ToFrame(DetectionMessage(nodeId, i)));
        }

        return [.. frames];
    }

    private static string Ulid(int n) => "01KF1EQV2" + n.ToString("D17", CultureInfo.InvariantCulture);
}

using BenchmarkDotNet.Attributes;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Protocols.Sapient;
using Vigia.Protocols.Sapient.Validation;
using Vigia.Sensors.Sapient;

namespace Vigia.Benchmarks.Sapient;

/// <summary>
/// The per-report work of the SAPIENT fusion node without the socket (issue target: ≥ 100 000 DetectionReports/s
/// per server): a stream of <see cref="Batch"/> detection frames is split by the frame reader, and each frame is
/// (a) decoded; (b) decoded and validated; (c) decoded, validated, mapped to an <see cref="Observation"/> and
/// wrapped in the <see cref="SapientDetection"/> event with its flattened classification, as a connection does.
/// <c>OperationsPerInvoke</c> is the batch, so Mean and Allocated are per report.
/// </summary>
[MemoryDiagnoser]
public class SapientDetectionBenchmarks
{
    private const int Batch = 1000;

    private static readonly SapientServerOptions Options = new() { FusionNodeId = SapientBenchmarkMessages.FusionNodeId };
    private static readonly SensorId Sensor = new("sapient:" + SapientBenchmarkMessages.NodeId);
    private static readonly Timestamp Received = Timestamp.FromUnixSeconds(1_768_501_900);

    private byte[] _stream = [];

    [GlobalSetup]
    public void Setup() => _stream = SapientBenchmarkMessages.DetectionStream(SapientBenchmarkMessages.NodeId, Batch);

    /// <summary>(a) Frame reader + protobuf decode.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int Decode()
    {
        var n = 0;
        ReadOnlySpan<byte> stream = _stream;
        while (SapientFrameReader.TryReadFrame(stream, SapientFraming.DefaultMaxFrameLength, out var payload, out var consumed, out _) == SapientStatus.Done)
        {
            stream = stream[consumed..];
            n += SapientDecoder.TryDecode(payload, out _, out _) == SapientStatus.Done ? 1 : 0;
        }

        return n;
    }

    /// <summary>(b) (a) + semantic validation.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int DecodeValidate()
    {
        var n = 0;
        ReadOnlySpan<byte> stream = _stream;
        while (SapientFrameReader.TryReadFrame(stream, SapientFraming.DefaultMaxFrameLength, out var payload, out var consumed, out _) == SapientStatus.Done)
        {
            stream = stream[consumed..];
            if (SapientDecoder.TryDecode(payload, out var message, out _) == SapientStatus.Done && SapientValidator.TryValidate(message, out _))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>(c) (b) + mapping to an observation and the detection event.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int DecodeValidateMap()
    {
        var n = 0;
        ReadOnlySpan<byte> stream = _stream;
        while (SapientFrameReader.TryReadFrame(stream, SapientFraming.DefaultMaxFrameLength, out var payload, out var consumed, out _) == SapientStatus.Done)
        {
            stream = stream[consumed..];
            if (SapientDecoder.TryDecode(payload, out var message, out _) != SapientStatus.Done || !SapientValidator.TryValidate(message, out _)
                || SapientObservationMapper.TryMap(message, null, Options, Sensor, Received, out var observation) != SapientDetectionFault.None)
            {
                continue;
            }

            var detection = new SapientDetection
            {
                NodeId = message.NodeId,
                Sensor = Sensor,
                ConnectionId = 1,
                ReceiveTime = Received,
                Observation = observation,
                ReportId = message.DetectionReport.ReportId,
                ObjectId = message.DetectionReport.ObjectId,
                DetectionConfidence = message.DetectionReport.DetectionConfidence,
                Classes = SapientObservationMapper.Classes(message.DetectionReport),
            };
            n += detection.Classes.Count > 0 ? 1 : 0;
        }

        return n;
    }
}

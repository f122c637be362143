using BenchmarkDotNet.Attributes;
using Vigia.Protocols.RemoteId;

namespace Vigia.Benchmarks.RemoteId;

/// <summary>
/// Single-message and pack decode throughput (issue target: ≥ 10 million messages/s on one core, 0 bytes per
/// message). Messages are vectors #96 (location), #0 (basic ID), #420 (system) and #516-style pack bytes of
/// shared/data/remoteid/vectors.jsonl, embedded so the benchmark needs no files.
/// </summary>
[MemoryDiagnoser]
public class RemoteIdDecodeBenchmarks
{
    private const int Batch = 1000;

    private static readonly byte[][] Messages =
    [
        Convert.FromHexString("122400fe50146460e779c6eae7eebb0000861c626095780900"),
        Convert.FromHexString("02004e585a4b3741514a544b47390000000000000000000000"),
        Convert.FromHexString("4205e6e5ed0f9866452c01000000000000359019051c270600"),
        Convert.FromHexString("3201456d657267656e6379206c616e64696e67000000000000"),
    ];

    private byte[] _pack = [];

    [GlobalSetup]
    public void Setup()
    {
        var decoded = new RemoteIdMessage[Messages.Length];
        for (var i = 0; i < Messages.Length; i++)
        {
            decoded[i] = RemoteIdDecoder.Decode(Messages[i]);
        }

        _pack = new byte[RemoteIdMessagePack.MaxSize];
        _ = RemoteIdEncoder.TryEncodePack(decoded, _pack, out var written, out _);
        _pack = _pack[..written];
    }

    /// <summary>Decodes 1000 single messages (a mix of four types) per invocation.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int DecodeSingleMessage()
    {
        var sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            if (RemoteIdDecoder.TryDecodeMessage(Messages[i & 3], out var message, out _) == DecodeStatus.Done)
            {
                sum += (int)message.MessageType;
            }
        }

        return sum;
    }

    /// <summary>Decodes a four-message pack into the fixed-capacity value.</summary>
    [Benchmark]
    public int DecodePackOfFour()
    {
        _ = RemoteIdDecoder.TryDecodePack(_pack, out var pack, out _);
        return pack.Count;
    }
}

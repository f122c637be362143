using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Vigia.Protocols.Sapient;
using Vigia.Sensors.Sapient;

namespace Vigia.Benchmarks.Sapient;

/// <summary>
/// The whole fusion node over loopback TCP: <see cref="Nodes"/> registered nodes each write their share of
/// <see cref="Batch"/> detection frames at once, and the invocation ends when all <see cref="Batch"/>
/// <see cref="SapientDetection"/> events have been read from the server's channel. Includes sockets, the
/// PipeReader framing, decode, validation, mapping and the channel. Mean and Allocated are per report.
/// </summary>
[MemoryDiagnoser]
public class SapientServerThroughputBenchmarks
{
    private const int Batch = 50_000;

    private SapientFusionServer? _server;
    private readonly List<NetworkStream> _nodes = [];
    private byte[][] _streams = [];

    /// <summary>Nodes sending at the same time.</summary>
    [Params(1, 4)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = new SapientFusionServer(new SapientServerOptions { FusionNodeId = SapientBenchmarkMessages.FusionNodeId, EventCapacity = Batch * 2 });
        _server.Start();
        _streams = new byte[Nodes][];
        for (var n = 0; n < Nodes; n++)
        {
            var nodeId = $"6513270e-269e-4d37-b2a7-4de452e6b43{n}";
            var client = new TcpClient();
            await client.ConnectAsync(_server.LocalEndPoint);
            var stream = client.GetStream();
            await stream.WriteAsync(SapientWriter.ToFrame(SapientBenchmarkMessages.RegistrationMessage(nodeId)));
            var ack = new byte[256];
            _ = await stream.ReadAsync(ack);
            _nodes.Add(stream);
            _streams[n] = SapientBenchmarkMessages.DetectionStream(nodeId, Batch / Nodes, n * Batch);
        }

        await foreach (var e in _server.Events.ReadAllAsync())
        {
            if (e is SapientNodeEvent { Kind: SapientNodeEventKind.Registered } && _server.GetCounters().Registrations == Nodes)
            {
                break;
            }
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>All nodes write their frames; returns when every detection has come out of the channel.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task<int> DetectionsThroughTheServerAsync()
    {
        var writes = new Task[Nodes];
        for (var n = 0; n < Nodes; n++)
        {
            writes[n] = _nodes[n].WriteAsync(_streams[n]).AsTask();
        }

        var received = 0;
        while (received < Batch)
        {
            var e = await _server!.Events.ReadAsync();
            received += e is SapientDetection ? 1 : 0;
        }

        await Task.WhenAll(writes);
        return received;
    }
}

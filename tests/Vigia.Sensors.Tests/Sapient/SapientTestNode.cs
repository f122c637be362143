using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using SapientMsg.BsiFlex335V20;
using Vigia.Protocols.Sapient;
using Task = System.Threading.Tasks.Task;

namespace Vigia.Sensors.Tests.Sapient;

/// <summary>
/// A scripted SAPIENT edge node over a real TCP socket (house style §8: a fake peer that speaks the protocol):
/// sends frames, raw bytes, and reads the fusion node's replies.
/// </summary>
public sealed class SapientTestNode : IAsyncDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    private SapientTestNode(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<SapientTestNode> ConnectAsync(IPEndPoint server)
    {
        var client = new TcpClient(server.AddressFamily);
        await client.ConnectAsync(server.Address, server.Port);
        return new SapientTestNode(client);
    }

    public Task SendAsync(SapientMessage message) => SendRawAsync(SapientWriter.ToFrame(message));

    public async Task SendRawAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>Sends a registration and returns the acknowledgement.</summary>
    public async Task<SapientMessage> RegisterAsync(SapientMessage registration)
    {
        await SendAsync(registration);
        return await ReadAsync();
    }

    /// <summary>Reads the next frame from the fusion node.</summary>
    public async Task<SapientMessage> ReadAsync()
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        var prefix = new byte[SapientFraming.LengthPrefixSize];
        await _stream.ReadExactlyAsync(prefix, timeout.Token);
        var payload = new byte[BinaryPrimitives.ReadInt32LittleEndian(prefix)];
        await _stream.ReadExactlyAsync(payload, timeout.Token);
        return SapientMessage.Parser.ParseFrom(payload);
    }

    /// <summary>True once the server has closed the connection (a read returns end of stream or a reset).</summary>
    public async Task<bool> IsClosedByServerAsync()
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var read = await _stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    return true;
                }
            }
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _client.Dispose();
    }
}

using System.Net;
using System.Net.Sockets;
using Vigia.Protocols.Sapient;
using Vigia.Testing;
using SapientMessage = SapientMsg.BsiFlex335V20.SapientMessage;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace Vigia.Server.Tests.Support;

/// <summary>A test SAPIENT node on loopback TCP that sends the shared golden messages, retimed.</summary>
public sealed class SapientNode : IDisposable
{
    private readonly TcpClient _client = new();

    private SapientNode()
    {
    }

    /// <summary>Connects to the server's fusion node port, retrying while it starts.</summary>
    public static async Task<SapientNode> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        var node = new SapientNode();
        for (var attempt = 0; !node._client.Connected; attempt++)
        {
            try
            {
                await node._client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            }
            catch (SocketException) when (attempt < 50)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        return node;
    }

    /// <summary>A golden message from <c>shared/data/sapient/examples/vigia-golden</c> (its frame without the length prefix).</summary>
    public static SapientMessage Golden(string name) =>
        SapientMessage.Parser.ParseFrom(File.ReadAllBytes(TestPaths.SharedData("sapient", "examples", "vigia-golden", name))[SapientFraming.LengthPrefixSize..]);

    /// <summary>Sends the golden registration, timed now; returns it (its node id names the sensor).</summary>
    public async Task<SapientMessage> RegisterAsync(CancellationToken cancellationToken)
    {
        var registration = Golden("01_registration_radar.frame.bin");
        registration.Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        await SendAsync(registration, cancellationToken);
        return registration;
    }

    /// <summary>Sends one message as a frame.</summary>
    public async Task SendAsync(SapientMessage message, CancellationToken cancellationToken) =>
        await _client.GetStream().WriteAsync(SapientWriter.ToFrame(message), cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}

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

    /// <summary>Sends the golden registration (under <paramref name="nodeId"/> when given), timed now; returns it (its node id names the sensor).</summary>
    public async Task<SapientMessage> RegisterAsync(CancellationToken cancellationToken, string? nodeId = null)
    {
        var registration = Golden("01_registration_radar.frame.bin");
        registration.Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        if (nodeId is not null)
        {
            registration.NodeId = nodeId;
        }

        await SendAsync(registration, cancellationToken);
        return registration;
    }

    /// <summary>Sends one message as a frame.</summary>
    public async Task SendAsync(SapientMessage message, CancellationToken cancellationToken) =>
        await _client.GetStream().WriteAsync(SapientWriter.ToFrame(message), cancellationToken);

    /// <summary>Reads messages from the fusion node until one satisfies <paramref name="match"/>; null if the connection closes first.</summary>
    public async Task<SapientMessage?> ReceiveAsync(Func<SapientMessage, bool> match, CancellationToken cancellationToken)
    {
        var stream = _client.GetStream();
        var prefix = new byte[SapientFraming.LengthPrefixSize];
        while (true)
        {
            try
            {
                await stream.ReadExactlyAsync(prefix, cancellationToken);
            }
            catch (EndOfStreamException)
            {
                return null;
            }
            catch (IOException)
            {
                return null;
            }

            var body = new byte[System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(prefix)];
            await stream.ReadExactlyAsync(body, cancellationToken);
            var message = SapientMessage.Parser.ParseFrom(body);
            if (match(message))
            {
                return message;
            }
        }
    }

    /// <summary>Registers and waits for the fusion node's RegistrationAck.</summary>
    public async Task<SapientMsg.BsiFlex335V20.RegistrationAck> RegisterAndAwaitAckAsync(string nodeId, CancellationToken cancellationToken)
    {
        await RegisterAsync(cancellationToken, nodeId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var ack = await ReceiveAsync(m => m.ContentCase == SapientMessage.ContentOneofCase.RegistrationAck, timeout.Token);
        Assert.NotNull(ack);
        return ack.RegistrationAck;
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}

using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using SapientMessage = SapientMsg.BsiFlex335V20.SapientMessage;
using Vigia.Protocols.Sapient;
using Vigia.Protocols.Sapient.Validation;

namespace Vigia.Sensors.Sapient;

/// <summary>
/// One node's TCP connection: frames are read through a <see cref="PipeReader"/> (the buffer never holds more than
/// one frame of at most <see cref="SapientServerOptions.MaxFrameLength"/> plus one read), decoded, validated and
/// handled in order; replies go back on the same socket.
/// </summary>
/// <remarks>
/// Isolation (house style §4.5): everything that can go wrong with this node's bytes ends here. A corrupt length
/// prefix loses sync, so the connection is closed (§4.6); a frame that does not decode or validate is answered
/// with a SAPIENT Error and skipped; any unexpected exception is counted and closes only this connection. Nothing
/// here can block another connection: replies have a timeout and events never wait for the channel.
/// A dead peer is noticed: a connection that sends nothing for its idle limit (see
/// <see cref="SapientServerOptions.IdleTimeout"/>) is closed, TCP keepalive is on, and a new registration of the
/// same node_id elsewhere closes this one (<see cref="TakeOver"/>).
/// Thread-safety: <see cref="RunAsync"/> owns it; <see cref="TakeOver"/> may be called from any thread.
/// </remarks>
internal sealed partial class SapientSession(long id, Socket socket, SapientServerContext context)
{
    private const int ReadBufferSize = 16 * 1024;

    private readonly SapientConversation _conversation = new();
    private readonly string _remoteEndPoint = socket.RemoteEndPoint?.ToString() ?? "unknown";
    private SapientServerOptions Options => context.Options;

    private NetworkStream? _stream;
    private CancellationTokenSource? _registrationTimer;
    private CancellationTokenSource? _idleTimer;
    private TimeSpan _idleLimit = context.Options.IdleTimeout;
    private SapientNodeRecord? _node;
    private int _consecutiveInvalid;
    private string? _closeReason;
    private volatile bool _takenOver;

    public long Id => id;

    /// <summary>Closes the connection because its node registered again on another one (safe from any thread, at any time).</summary>
    public void TakeOver()
    {
        _takenOver = true;
        try
        {
            // Ends the pending read (and any write) at once; the read loop sees the end of the stream.
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }
    }

    /// <summary>Serves the connection until the node closes it, the server stops, or the session closes it.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var registrationTimer = new CancellationTokenSource(Options.RegistrationTimeout, context.Time);
        using var idleTimer = new CancellationTokenSource(_idleLimit, context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, registrationTimer.Token, idleTimer.Token);
        (_registrationTimer, _idleTimer) = (registrationTimer, idleTimer);
        var stream = new NetworkStream(socket, ownsSocket: true);
        _stream = stream;
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: ReadBufferSize, leaveOpen: true));
        try
        {
            await ReadLoopAsync(reader, linked.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The server is stopping.
        }
        catch (OperationCanceledException) when (registrationTimer.IsCancellationRequested)
        {
            _closeReason = "RegistrationTimeout";
        }
        catch (OperationCanceledException) when (idleTimer.IsCancellationRequested)
        {
            // Nothing heard for the idle limit: the node is gone (power, link) even if TCP has not said so.
            _closeReason = "IdleTimeout";
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The node reset or dropped the connection.
        }
#pragma warning disable CA1031 // Containment at the adapter boundary (house style §4.5): a bug here must not reach other nodes.
        catch (Exception)
#pragma warning restore CA1031
        {
            context.Counters.UnexpectedError();
            _closeReason = "UnexpectedError";
        }
        finally
        {
            if (_takenOver)
            {
                _closeReason = "TakenOver";
            }

            await reader.CompleteAsync();
            await stream.DisposeAsync();
            Closed();
        }
    }

    private async Task ReadLoopAsync(PipeReader reader, CancellationToken token)
    {
        long position = 0;
        while (true)
        {
            var result = await reader.ReadAsync(token);
            _idleTimer?.CancelAfter(_idleLimit);
            var buffer = result.Buffer;
            while (_closeReason is null)
            {
                var before = buffer.Length;
                var status = SapientFrameReader.TryReadFrame(ref buffer, Options.MaxFrameLength, position, out var payload, out var error);
                if (status == SapientStatus.NeedMoreData)
                {
                    break;
                }

                if (status == SapientStatus.InvalidData)
                {
                    // A bad length prefix: the stream has lost sync and SAPIENT has no rule to regain it.
                    context.Counters.ClosedOnFramingError();
                    context.Counters.Reject(error.Code.ToString());
                    _node?.Rejected(error.Code.ToString(), context.Now);
                    await ReplyErrorAsync(buffer.Slice(0, SapientFraming.LengthPrefixSize).ToArray(), error.Message, token);
                    _closeReason = "FramingError";
                    return;
                }

                position += before - buffer.Length;
                context.Counters.Frame(before - buffer.Length);
                await HandleFrameAsync(payload, token);
            }

            if (_closeReason is not null)
            {
                return;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                if (!buffer.IsEmpty)
                {
                    context.Counters.Reject("TruncatedAtClose");
                }

                return;
            }
        }
    }

    /// <summary>Decodes, validates and handles one frame. The payload is only valid until the first await.</summary>
    private async Task HandleFrameAsync(ReadOnlySequence<byte> payload, CancellationToken token)
    {
        if (SapientDecoder.TryDecode(payload, out var message, out var error) != SapientStatus.Done)
        {
            context.Counters.DecodeError();
            await RefuseAsync(error.Code.ToString(), payload.ToArray(), error.Message, token);
            return;
        }

        if (!SapientValidator.TryValidate(message, out var violation) && !IsUnsupportedRegistration(message, violation))
        {
            context.Counters.InvalidMessage();
            await RefuseAsync(violation.Rule.ToString(), payload.ToArray(), violation.Message, token);
            return;
        }

        if (!_conversation.TryAccept(message, out violation))
        {
            context.Counters.InvalidMessage();
            await RefuseAsync(violation.Rule.ToString(), payload.ToArray(), violation.Message, token);
            return;
        }

        _consecutiveInvalid = 0;
        await DispatchAsync(message, token);
    }

    private static bool IsUnsupportedRegistration(SapientMessage message, SapientViolation violation) =>
        violation.Rule == SapientRule.UnsupportedIcdVersion && message.ContentCase == SapientMessage.ContentOneofCase.Registration;

    /// <summary>Counts a refused frame, answers it with an Error, and closes after too many in a row.</summary>
    private async Task RefuseAsync(string reason, byte[] packet, string text, CancellationToken token)
    {
        context.Counters.Reject(reason);
        _node?.Rejected(reason, context.Now);
        await ReplyErrorAsync(packet, text, token);
        if (++_consecutiveInvalid >= Options.MaxConsecutiveInvalidMessages)
        {
            _closeReason ??= "TooManyInvalidMessages";
        }
    }

    private Task ReplyErrorAsync(byte[] packet, string text, CancellationToken token) =>
        Options.ReplyWithErrors
            ? SendAsync(SapientReplies.Error(Options.FusionNodeId, _conversation.NodeId, packet, text, context.UtcNow), token)
            : Task.CompletedTask;

    /// <summary>Writes one message; a write that does not finish within the send timeout closes the connection.</summary>
    private async Task SendAsync(SapientMessage message, CancellationToken token)
    {
        if (_stream is null || _closeReason is not null)
        {
            return;
        }

        var frame = SapientWriter.ToFrame(message);
        using var timeout = new CancellationTokenSource(Options.SendTimeout, context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, timeout.Token);
        try
        {
            await _stream.WriteAsync(frame, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !token.IsCancellationRequested)
        {
            _closeReason = "SendTimeout";
        }
    }

    private void Closed()
    {
        if (_closeReason is not null and not "FramingError")
        {
            context.Counters.ClosedByServer(_closeReason);
        }

        context.Counters.ConnectionClosed();
        // A node taken over by a newer connection is still connected: nothing to announce.
        if (_node is not null && _node.Disconnected(id))
        {
            Publish(SapientNodeEventKind.Disconnected, _node);
        }
    }
}

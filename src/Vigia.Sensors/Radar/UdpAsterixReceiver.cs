using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Vigia.Core.Observations;
using Vigia.Core.Time;

namespace Vigia.Sensors.Radar;

/// <summary>
/// Receives ASTERIX datagrams over UDP, unicast or multicast, and writes the <see cref="RadarAdapter"/>'s observations
/// to a channel. Redundant networks are two receivers (one per group and port) sharing one adapter, which drops the
/// second copy of each record.
/// </summary>
/// <remarks>
/// The socket is bound and the group joined on construction, so <see cref="LocalEndPoint"/> is known before
/// <see cref="RunAsync"/>. One pooled 64 KiB buffer holds each datagram (the largest UDP payload). Observations are
/// written with <c>WriteAsync</c>: a full bounded channel slows reading and the kernel drops datagrams beyond its
/// buffer (its full mode, set by the pipeline, decides the rest). Thread-safety: <see cref="RunAsync"/> runs once at a
/// time; counters may be read from other threads.
/// </remarks>
public sealed class UdpAsterixReceiver : IDisposable
{
    private const int MaxDatagramBytes = 65_536;

    private readonly RadarAdapter _adapter;
    private readonly TimeProvider _time;
    private readonly Socket _socket;

    /// <summary>Binds the socket and joins the multicast group, if any.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="SocketException">The address is in use or the group cannot be joined.</exception>
    public UdpAsterixReceiver(RadarAdapter adapter, UdpAsterixReceiverOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _adapter = adapter;
        _time = time ?? TimeProvider.System;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = options.ReceiveBufferBytes };
        try
        {
            if (options.MulticastGroup is not null)
            {
                // Redundant feeds and monitoring tools share a group's port.
                _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            }

            _socket.Bind(options.ListenEndPoint);
            if (options.MulticastGroup is { } group)
            {
                _socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(group, options.MulticastInterface ?? IPAddress.Any));
            }
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    /// <summary>The bound address and port.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Datagrams received.</summary>
    public long Datagrams { get; private set; }

    /// <summary>Receive errors reported by the socket (ICMP errors and the like), each skipped.</summary>
    public long ReceiveErrors { get; private set; }

    /// <summary>Receives until <paramref name="cancellationToken"/> is cancelled or the receiver is disposed.</summary>
    public async Task RunAsync(ChannelWriter<Observation> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var buffer = ArrayPool<byte>.Shared.Rent(MaxDatagramBytes);
        var batch = new List<Observation>();
        try
        {
            while (true)
            {
                int received;
                try
                {
                    received = await _socket.ReceiveAsync(buffer.AsMemory(0, MaxDatagramBytes), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                }
                catch (SocketException)
                {
                    ReceiveErrors++;
                    continue;
                }

                Datagrams++;
                _adapter.Process(buffer.AsSpan(0, received), Timestamp.FromDateTimeOffset(_time.GetUtcNow()), batch);
                foreach (var observation in batch)
                {
                    await output.WriteAsync(observation, cancellationToken).ConfigureAwait(false);
                }

                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is not an error.
        }
        catch (ObjectDisposedException)
        {
            // Disposed while receiving: stopped.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();
}

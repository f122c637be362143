using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Vigia.Sensors.Net;

namespace Vigia.Sensors.Sapient;

/// <summary>
/// A SAPIENT (BSI Flex 335 v2.0) fusion node: a TCP listener that accepts many nodes, acknowledges their
/// registrations, tracks their health from their status reports, turns their detection reports into tracker
/// observations and surfaces their alerts, all as <see cref="Events"/>.
/// </summary>
/// <remarks>
/// Each connection runs on its own and is isolated from the others (see <c>SapientSession</c>): a node that sends
/// garbage is answered, counted and, if its stream loses sync, disconnected, and no other node notices. Events go
/// to a bounded channel that never makes a node wait; drops are counted. Health that changes with time (a late
/// heartbeat) shows in <see cref="GetNodes"/>; status reports, registrations and disconnections also raise
/// <see cref="SapientNodeEvent"/>s. Thread-safety: all public members may be called from any thread.
/// </remarks>
public sealed class SapientFusionServer : IAsyncDisposable
{
    private readonly Channel<SapientEvent> _events;
    private readonly SapientServerContext _context;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, Task> _sessions = new();
    private Socket? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private long _nextConnectionId;

    /// <summary>Creates the server; call <see cref="Start"/> to listen.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SapientFusionServer(SapientServerOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _events = Channel.CreateBounded<SapientEvent>(new BoundedChannelOptions(options.EventCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
        _context = new SapientServerContext(options, time ?? TimeProvider.System, _events.Writer);
    }

    /// <summary>Detections, alerts and node events, in arrival order per node.</summary>
    public ChannelReader<SapientEvent> Events => _events.Reader;

    /// <summary>The address the server listens on (with the port the system chose for port 0).</summary>
    /// <exception cref="InvalidOperationException">Not started.</exception>
    public IPEndPoint LocalEndPoint => (IPEndPoint?)_listener?.LocalEndPoint ?? throw new InvalidOperationException("the server has not been started");

    /// <summary>Binds the listener and starts accepting nodes.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    /// <exception cref="SocketException">The address cannot be bound.</exception>
    public void Start()
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException("the server has already been started");
        }

        var endPoint = _context.Options.EndPoint;
        var listener = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(endPoint);
            listener.Listen(backlog: 128);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
        _acceptLoop = AcceptLoopAsync(listener, _stopping.Token);
    }

    /// <summary>The counters since the server started.</summary>
    public SapientServerCounters GetCounters() => _context.Counters.Snapshot();

    /// <summary>Every node that has registered, with its health computed now.</summary>
    public IReadOnlyList<SapientNodeState> GetNodes() => _context.Nodes.Snapshot(_context.Now);

    /// <summary>Stops listening, closes every connection, waits for them, and completes <see cref="Events"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        _listener?.Dispose();
        await _acceptLoop;
        await Task.WhenAll(_sessions.Values);
        _events.Writer.TryComplete();
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stopping);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || (e is SocketException && stopping.IsCancellationRequested))
            {
                return;
            }
            catch (SocketException)
            {
                // A connection that failed while being accepted (e.g. reset at once); keep listening.
                continue;
            }

            if (_context.Counters.ActiveConnections >= _context.Options.MaxConnections)
            {
                _context.Counters.ConnectionRefused();
                client.Dispose();
                continue;
            }

            _context.Counters.ConnectionAccepted();
            client.NoDelay = true;
            TcpKeepAlive.Enable(client);
            var id = Interlocked.Increment(ref _nextConnectionId);
            var session = new SapientSession(id, client, _context);
            var run = Task.Run(() => session.RunAsync(stopping), CancellationToken.None);
            _sessions[id] = run;
            _ = run.ContinueWith(_ => _sessions.TryRemove(id, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}

using System.Threading.Channels;

namespace Vigia.Server.Pipeline;

/// <summary>
/// Fans stream events out to subscribers: each event is serialised once (by the publisher) and the same
/// bytes go to every subscriber's bounded queue. A subscriber that falls a whole queue behind is
/// disconnected (counted) rather than slowing anyone else; its client reconnects and gets a fresh snapshot.
/// </summary>
/// <remarks>Thread-safety: publish and subscribe may be called from any thread.</remarks>
public sealed class EventBroadcaster
{
    private readonly object _gate = new();
    private readonly int _queueCapacity;
    private Subscriber[] _subscribers = [];
    private long _disconnectedSlow;
    private long _published;

    /// <summary>Creates a broadcaster whose subscribers queue at most <paramref name="queueCapacity"/> events.</summary>
    public EventBroadcaster(int queueCapacity = 1024) => _queueCapacity = queueCapacity;

    /// <summary>Number of current subscribers.</summary>
    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <summary>Subscribers disconnected because they fell behind.</summary>
    public long DisconnectedSlow => Interlocked.Read(ref _disconnectedSlow);

    /// <summary>Events published.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Adds a subscriber; dispose it to leave.</summary>
    public Subscriber Subscribe()
    {
        var subscriber = new Subscriber(this, Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(_queueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }));
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscriber];
        }

        return subscriber;
    }

    /// <summary>Queues one serialised event (a complete <c>event:/data:</c> block) for every subscriber.</summary>
    public void Publish(ReadOnlyMemory<byte> frame)
    {
        Interlocked.Increment(ref _published);
        foreach (var s in Volatile.Read(ref _subscribers))
        {
            if (!s.Queue.Writer.TryWrite(frame) && s.Queue.Writer.TryComplete(new SlowSubscriberException()))
            {
                Interlocked.Increment(ref _disconnectedSlow);
            }
        }
    }

    private void Remove(Subscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => !ReferenceEquals(s, subscriber))];
        }
    }

    /// <summary>One stream client's queue.</summary>
    public sealed class Subscriber : IDisposable
    {
        private readonly EventBroadcaster _owner;

        internal Subscriber(EventBroadcaster owner, Channel<ReadOnlyMemory<byte>> queue)
        {
            _owner = owner;
            Queue = queue;
        }

        /// <summary>Events waiting for this client.</summary>
        public Channel<ReadOnlyMemory<byte>> Queue { get; }

        /// <summary>Leaves the broadcast.</summary>
        public void Dispose()
        {
            Queue.Writer.TryComplete();
            _owner.Remove(this);
        }
    }
}

/// <summary>The subscriber fell a whole queue behind and was disconnected.</summary>
public sealed class SlowSubscriberException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SlowSubscriberException()
        : base("stream client too slow; disconnected")
    {
    }

    /// <summary>Creates the exception.</summary>
    public SlowSubscriberException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SlowSubscriberException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

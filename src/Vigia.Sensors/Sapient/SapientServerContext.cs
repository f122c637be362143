using System.Threading.Channels;
using Vigia.Core.Time;

namespace Vigia.Sensors.Sapient;

/// <summary>What every connection of one server shares: options, clock, counters, node registry and the event channel.</summary>
/// <remarks>Thread-safety: all members are safe from any thread.</remarks>
internal sealed class SapientServerContext(SapientServerOptions options, TimeProvider time, ChannelWriter<SapientEvent> events)
{
    public SapientServerOptions Options { get; } = options;

    public TimeProvider Time { get; } = time;

    public SapientCounters Counters { get; } = new();

    public SapientNodeRegistry Nodes { get; } = new(options);

    public DateTimeOffset UtcNow => Time.GetUtcNow();

    public Timestamp Now => Timestamp.FromDateTimeOffset(Time.GetUtcNow());

    /// <summary>Writes an event without waiting; a full channel drops it and counts the drop.</summary>
    public void Publish(SapientEvent sapientEvent)
    {
        if (!events.TryWrite(sapientEvent))
        {
            Counters.EventDropped();
        }
    }
}

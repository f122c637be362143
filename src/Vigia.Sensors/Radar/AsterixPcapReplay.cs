using Vigia.Core.Observations;
using Vigia.Sensors.Capture;

namespace Vigia.Sensors.Radar;

/// <summary>Replays ASTERIX over UDP from a capture file through a <see cref="RadarAdapter"/>, each packet at its capture time.</summary>
/// <remarks>
/// The capture time is the receive time, so times of day resolve to the recording's day. Packets that are not IPv4
/// UDP, or not to one of the chosen ports, are skipped and counted. Thread-safety: one replay per adapter at a time.
/// </remarks>
public static class AsterixPcapReplay
{
    /// <summary>Reads every record of <paramref name="reader"/> and feeds the UDP payloads to <paramref name="adapter"/>.</summary>
    /// <param name="reader">An open pcap or pcapng reader.</param>
    /// <param name="adapter">The adapter to feed.</param>
    /// <param name="output">Receives the observations.</param>
    /// <param name="ports">Destination ports to take; empty takes every UDP packet.</param>
    public static AsterixReplaySummary Replay(CaptureReader reader, RadarAdapter adapter, ICollection<Observation> output, IReadOnlySet<int>? ports = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(adapter);
        long packets = 0, skipped = 0, observations = 0;
        CaptureReadStatus status;
        while ((status = reader.ReadNext(out var record)) == CaptureReadStatus.Record)
        {
            packets++;
            if (!UdpFrame.TryGetPayload(record.Data, record.LinkType, out var payload, out var port) || (ports is { Count: > 0 } && !ports.Contains(port)))
            {
                skipped++;
                continue;
            }

            observations += adapter.Process(payload, record.Timestamp, output);
        }

        return new AsterixReplaySummary(packets, skipped, observations, status == CaptureReadStatus.Error ? reader.Error : null);
    }
}

using System.Buffers;
using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Protocols.Adsb;

namespace Vigia.Sensors.Adsb;

/// <summary>
/// The receive side of an ADS-B adapter without the socket: bytes of a Beast or AVR stream in (as a
/// <see cref="ReadOnlySequence{T}"/> from a <c>PipeReader</c>), geodetic observations out. Frames, decodes,
/// applies each message to the aircraft table and maps every resolved position with <see cref="AdsbObservations"/>.
/// </summary>
/// <remarks>
/// House style §4: CRC failures, malformed and unsupported replies and skipped bytes are counted in
/// <see cref="Counters"/>, never thrown; each frame is decoded inside one <c>try</c> (containment at the adapter
/// boundary): an unexpected exception is a bug, counted in <see cref="UnexpectedErrors"/> with a hex dump of the
/// frame in <see cref="LastUnexpectedError"/>, and the frame is dropped. Frames split across buffer segments are
/// copied to a small stack buffer; the single-segment case reads in place. Messages are applied at the receive
/// time given (dump1090 does the same), since a Beast 12 MHz counter is not a clock.
/// Thread-safety: not thread-safe; one read loop owns it.
/// </remarks>
public sealed class AdsbStreamDecoder
{
    private const int ScratchLength = 64;

    private readonly SensorId _sensor;
    private readonly AdsbFeedFormat _format;
    private readonly TimeSpan _aircraftTimeout;
    private Timestamp _lastExpiry;

    /// <summary>Creates a decoder for one receiver stream.</summary>
    public AdsbStreamDecoder(SensorId sensor, AdsbFeedFormat format, AircraftStateOptions aircraft, TimeSpan aircraftTimeout)
    {
        ArgumentNullException.ThrowIfNull(aircraft);
        _sensor = sensor;
        _format = format;
        _aircraftTimeout = aircraftTimeout;
        Aircraft = new AircraftStateTable(aircraft);
    }

    /// <summary>Framing and decoding outcomes: frames, bytes skipped, decoded, CRC errors, malformed, unsupported.</summary>
    public ModeSCounters Counters { get; } = new();

    /// <summary>The aircraft table (positions, callsigns; its own counters).</summary>
    public AircraftStateTable Aircraft { get; }

    /// <summary>Observations produced.</summary>
    public long Observations { get; private set; }

    /// <summary>Frames dropped because decoding threw (a bug; each such input should become a regression test).</summary>
    public long UnexpectedErrors { get; private set; }

    /// <summary>The last unexpected exception and the first bytes of its frame, or null.</summary>
    public string? LastUnexpectedError { get; private set; }

    /// <summary>Receive time of the last loss of sync (bytes skipped), or null.</summary>
    public Timestamp? LastResync { get; private set; }

    /// <summary>
    /// Reads every complete frame of <paramref name="buffer"/>, appending observations to <paramref name="output"/>;
    /// returns where the unread bytes start (pass it to <c>PipeReader.AdvanceTo</c> as consumed, with the buffer end as examined).
    /// </summary>
    public SequencePosition Process(ReadOnlySequence<byte> buffer, Timestamp receiveTime, ICollection<Observation> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Span<byte> scratch = stackalloc byte[ScratchLength];
        while (!buffer.IsEmpty)
        {
            var first = buffer.FirstSpan;
            scoped ReadOnlySpan<byte> span;
            if (buffer.IsSingleSegment || first.Length >= ScratchLength)
            {
                span = first;
            }
            else
            {
                // A frame may straddle segments: look at up to ScratchLength bytes (more than any frame) at once.
                var n = (int)Math.Min(buffer.Length, ScratchLength);
                buffer.Slice(0, n).CopyTo(scratch);
                span = scratch[..n];
            }

            var status = _format == AdsbFeedFormat.Beast
                ? BeastFramer.TryReadFrame(span, out var frame, out var consumed, out _)
                : AvrFramer.TryReadFrame(span, out frame, out consumed, out _);
            Counters.RecordFraming(status, consumed);
            buffer = buffer.Slice(consumed);
            if (status == DecodeStatus.NeedMoreData)
            {
                break;
            }

            if (status == DecodeStatus.InvalidData)
            {
                LastResync = receiveTime;
                continue;
            }

            Handle(frame, receiveTime, output);
        }

        ExpireAircraft(receiveTime);
        return buffer.Start;
    }

    private void Handle(in ModeSFrame frame, Timestamp receiveTime, ICollection<Observation> output)
    {
        try
        {
            var status = ModeSDecoder.TryDecode(frame.Data, out var message, out var error);
            Counters.RecordDecode(status, error);
            if (status != DecodeStatus.Done)
            {
                return;
            }

            var update = Aircraft.Apply(message, receiveTime);
            if (update.HasPosition && Aircraft.TryGet(update.Address, out var state)
                && AdsbObservations.TryCreate(state, update.Position, _sensor, receiveTime, out var observation))
            {
                output.Add(observation);
                Observations++;
            }
        }
#pragma warning disable CA1031 // Containment at the adapter boundary (house style §4.5): any exception here is a bug, counted and dropped.
        catch (Exception e)
#pragma warning restore CA1031
        {
            UnexpectedErrors++;
            LastUnexpectedError = e.GetType().Name + ": " + e.Message + " in frame " + Convert.ToHexString(frame.Data);
        }
    }

    private void ExpireAircraft(Timestamp now)
    {
        if (now.SecondsSince(_lastExpiry) < 1.0)
        {
            return;
        }

        _lastExpiry = now;
        Aircraft.RemoveSeenBefore(now.AddSeconds(-_aircraftTimeout.TotalSeconds));
    }
}

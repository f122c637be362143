using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Protocols.RemoteId;
using Vigia.Protocols.RemoteId.Transports;
using Vigia.Sensors.Capture;

namespace Vigia.Sensors.RemoteId;

/// <summary>
/// The Remote ID sensor adapter for captured frames (pcap/pcapng files or a live interface): frame →
/// transport payload → messages → the broadcaster's assembled picture → a geodetic observation tagged with
/// the aircraft's identity. Never throws on bad frames: they are counted by reason and dropped.
/// </summary>
/// <remarks>Not thread-safe: one capture loop owns an adapter (it holds the per-aircraft assembly state).</remarks>
public sealed class RemoteIdCaptureAdapter(SensorId sensor, PlausibilityOptions? plausibility = null)
{
    private readonly RemoteIdAssembler _assembler = new(plausibility);
    private readonly Dictionary<string, long> _rejected = new(StringComparer.Ordinal);

    /// <summary>Frames offered.</summary>
    public long Frames { get; private set; }

    /// <summary>Frames that carried a Remote ID payload.</summary>
    public long RemoteIdFrames { get; private set; }

    /// <summary>Frames the sniffer marked with a bad CRC (skipped).</summary>
    public long CrcFailed { get; private set; }

    /// <summary>Observations produced.</summary>
    public long Observations { get; private set; }

    /// <summary>Rejected Remote ID frames by reason code.</summary>
    public IReadOnlyDictionary<string, long> Rejected => _rejected;

    /// <summary>
    /// Offers one captured frame received at <paramref name="receiveTime"/>; true with an observation when it
    /// carried a position of an identified aircraft.
    /// </summary>
    public bool TryObserve(CaptureRecord record, Timestamp receiveTime, out Observation observation)
    {
        observation = null!;
        Frames++;
        var frame = record.Data;
        var status = CaptureFrameExtractor.TryExtract(frame, record.LinkType, out var payload, out var transportError);
        if (status is TransportStatus.NoPayload or TransportStatus.NotRemoteId)
        {
            return false;
        }

        if (status == TransportStatus.InvalidData && transportError.Code == TransportErrorCode.BadCrc)
        {
            CrcFailed++;
            return false;
        }

        RemoteIdFrames++;
        if (status != TransportStatus.Done)
        {
            Reject(transportError.Code.ToString());
            return false;
        }

        var bytes = payload.Slice(frame);
        UasPicture picture;
        var hasLocation = false;
        if (payload.Format == PayloadFormat.MessagePack)
        {
            if (RemoteIdDecoder.TryDecodePack(bytes, out var pack, out var error) != DecodeStatus.Done)
            {
                Reject(error.Code.ToString());
                return false;
            }

            picture = _assembler.Apply(payload.Sender, receiveTime, pack.Messages);
            foreach (var m in pack.Messages)
            {
                hasLocation |= m.MessageType == RemoteIdMessageType.Location;
            }
        }
        else
        {
            if (RemoteIdDecoder.TryDecodeMessage(bytes, out var message, out var error) != DecodeStatus.Done)
            {
                Reject(error.Code.ToString());
                return false;
            }

            picture = _assembler.Apply(payload.Sender, receiveTime, new ReadOnlySpan<RemoteIdMessage>(ref message));
            hasLocation = message.MessageType == RemoteIdMessageType.Location;
        }

        if (Frames % 4096 == 0)
        {
            _assembler.Prune(receiveTime);
        }

        // Only a frame that carried a position is a new measurement; an ID or System message alone would
        // repeat the last position and make the tracker over-confident.
        if (!hasLocation || !RemoteIdObservations.TryCreate(picture, sensor, receiveTime, out observation))
        {
            return false;
        }

        Observations++;
        return true;
    }

    private void Reject(string reason) => _rejected[reason] = _rejected.GetValueOrDefault(reason) + 1;
}

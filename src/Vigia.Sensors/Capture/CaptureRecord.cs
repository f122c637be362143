using Vigia.Core.Time;

namespace Vigia.Sensors.Capture;

/// <summary>
/// One captured packet. <see cref="Data"/> lies in the reader's pooled buffer and is valid only until
/// the next call to <see cref="CaptureReader.ReadNext"/>.
/// </summary>
public readonly ref struct CaptureRecord
{
    /// <summary>Creates a record.</summary>
    public CaptureRecord(
        Timestamp timestamp,
        bool hasTimestamp,
        CaptureLinkType linkType,
        long originalLength,
        ReadOnlySpan<byte> data,
        int interfaceId,
        long fileOffset)
    {
        Timestamp = timestamp;
        HasTimestamp = hasTimestamp;
        LinkType = linkType;
        OriginalLength = originalLength;
        Data = data;
        InterfaceId = interfaceId;
        FileOffset = fileOffset;
    }

    /// <summary>The capture (receive) time, UTC.</summary>
    public Timestamp Timestamp { get; }

    /// <summary>False for a pcapng Simple Packet Block, which has no timestamp.</summary>
    public bool HasTimestamp { get; }

    /// <summary>The link-layer type of <see cref="Data"/>.</summary>
    public CaptureLinkType LinkType { get; }

    /// <summary>The packet's length on the wire (may exceed <see cref="Data"/>'s when the capture was cut by the snap length).</summary>
    public long OriginalLength { get; }

    /// <summary>The captured bytes.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>The pcapng interface index (0 for pcap).</summary>
    public int InterfaceId { get; }

    /// <summary>File offset of the record's header (pcap) or block (pcapng).</summary>
    public long FileOffset { get; }
}

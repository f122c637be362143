namespace Vigia.Protocols.RemoteId.Transports;

/// <summary>
/// Where an Open Drone ID payload lies in a frame, and what the transport said about it. The payload
/// is not copied: <see cref="Offset"/> and <see cref="Length"/> index the span given to the extractor,
/// and <see cref="Slice"/> returns that part of it.
/// </summary>
/// <remarks>
/// The payload is what follows the message counter: one 25-byte message (Bluetooth 4 legacy) or a
/// message pack (the other transports), up to the end of the enclosing element (AD structure, vendor
/// IE, NAN service info), padding included — F3411-22a §5.4.4. Thread-safety: immutable value type.
/// </remarks>
public readonly record struct RemoteIdPayload
{
    /// <summary>Creates a payload descriptor.</summary>
    public RemoteIdPayload(
        TransportKind kind,
        PayloadFormat format,
        int offset,
        int length,
        byte messageCounter,
        SenderAddress sender,
        bool hasSender,
        bool isLegacyOui)
    {
        Kind = kind;
        Format = format;
        Offset = offset;
        Length = length;
        MessageCounter = messageCounter;
        Sender = sender;
        HasSender = hasSender;
        IsLegacyOui = isLegacyOui;
    }

    /// <summary>The transport that carried the payload.</summary>
    public TransportKind Kind { get; }

    /// <summary>Single message or message pack, from the first payload byte's message type.</summary>
    public PayloadFormat Format { get; }

    /// <summary>Offset of the payload's first byte (after the message counter) in the extractor's input.</summary>
    public int Offset { get; }

    /// <summary>Number of payload bytes, to the end of the enclosing element.</summary>
    public int Length { get; }

    /// <summary>The 8-bit message counter sent before the payload (F3411-22a §5.4.4), wrapping at 255.</summary>
    public byte MessageCounter { get; }

    /// <summary>The sender's address: the 802.11 source address, or the Bluetooth AdvA when the PDU was given.</summary>
    public SenderAddress Sender { get; }

    /// <summary>False when the input held no address (Bluetooth AdvData alone).</summary>
    public bool HasSender { get; }

    /// <summary>True when the Wi-Fi vendor IE used the older Parrot OUI 90-3A-E6 instead of ASD-STAN's FA-0B-BC.</summary>
    public bool IsLegacyOui { get; }

    /// <summary>The payload bytes inside <paramref name="frame"/>, which must be the span given to the extractor.</summary>
    public ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> frame) => frame.Slice(Offset, Length);

    /// <summary>A copy with the sender replaced (used when an outer layer knows the address).</summary>
    internal RemoteIdPayload WithSender(SenderAddress sender) =>
        new(Kind, Format, Offset, Length, MessageCounter, sender, hasSender: true, IsLegacyOui);

    /// <summary>A copy with the offset moved by <paramref name="delta"/>, for a caller that extracted from a slice of a larger frame.</summary>
    /// <param name="delta">Where the slice starts in the larger frame.</param>
    /// <returns>The same payload, indexing the larger frame.</returns>
    public RemoteIdPayload ShiftedBy(int delta) =>
        new(Kind, Format, checked(Offset + delta), Length, MessageCounter, Sender, HasSender, IsLegacyOui);
}

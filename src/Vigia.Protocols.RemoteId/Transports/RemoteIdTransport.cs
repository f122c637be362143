namespace Vigia.Protocols.RemoteId.Transports;

/// <summary>
/// Finds the Open Drone ID payload (message counter, then a message or a message pack) in a
/// Bluetooth advertisement or a Wi-Fi management frame, without copying (F3411-22a §5.4.4).
/// </summary>
/// <remarks>
/// Every method is pure and allocation-free; bad input gives <see cref="TransportStatus.InvalidData"/>
/// and a <see cref="TransportError"/>, never an exception. Offsets in the payload and the error index the
/// span that was passed in. The payload itself (pack header, messages) is judged by the message layer.
/// Thread-safety: stateless, safe from any thread.
/// </remarks>
public static partial class RemoteIdTransport
{
    /// <summary>
    /// Extracts the payload from <paramref name="frame"/> as the given transport carries it.
    /// </summary>
    /// <param name="frame">
    /// For the Bluetooth kinds, the AdvData (AD structures). For the Wi-Fi kinds, an 802.11 management
    /// frame from Frame Control, with no radiotap header and no FCS; which Wi-Fi transport it is (beacon or
    /// NAN) is read from the frame and reported in <see cref="RemoteIdPayload.Kind"/>.
    /// </param>
    /// <param name="kind">The transport the frame came from.</param>
    /// <param name="payload">The payload location and transport fields when the result is <see cref="TransportStatus.Done"/>.</param>
    /// <param name="error">Why not, otherwise.</param>
    /// <returns>The outcome.</returns>
    public static TransportStatus TryExtract(
        ReadOnlySpan<byte> frame,
        TransportKind kind,
        out RemoteIdPayload payload,
        out TransportError error) => kind switch
        {
            TransportKind.Bluetooth4Legacy or TransportKind.Bluetooth5Extended =>
                ExtractAdvData(frame, 0, frame.Length, kind, out payload, out error),
            TransportKind.WifiBeacon or TransportKind.WifiNan =>
                ExtractWifi(frame, 0, frame.Length, out payload, out error),
            _ => Fail(TransportStatus.Unsupported, TransportErrorCode.UnexpectedFrameType, 0, "TransportKind", out payload, out error),
        };

    private static TransportStatus Fail(
        TransportStatus status,
        TransportErrorCode code,
        int offset,
        string field,
        out RemoteIdPayload payload,
        out TransportError error,
        long expected = -1,
        long actual = -1)
    {
        payload = default;
        error = new TransportError(code, offset, field, expected, actual);
        return status;
    }

    private static TransportStatus Found(
        ReadOnlySpan<byte> frame,
        TransportKind kind,
        int counterOffset,
        int end,
        SenderAddress sender,
        bool hasSender,
        bool legacyOui,
        out RemoteIdPayload payload,
        out TransportError error)
    {
        var offset = counterOffset + 1;
        var length = end - offset;
        if (length <= 0)
        {
            return Fail(TransportStatus.InvalidData, TransportErrorCode.EmptyPayload, offset, "Payload", out payload, out error);
        }

        var format = frame[offset] >> 4 == TransportConstants.MessageTypePack ? PayloadFormat.MessagePack : PayloadFormat.SingleMessage;
        payload = new RemoteIdPayload(kind, format, offset, length, frame[counterOffset], sender, hasSender, legacyOui);
        error = default;
        return TransportStatus.Done;
    }
}

namespace Vigia.Protocols.Adsb;

/// <summary>
/// Running counts of framing and decoding outcomes for one receiver stream: CRC failures and other refusals are
/// counted here, never thrown (house style §4.1: malformed and unsupported are kept apart).
/// </summary>
/// <remarks>Thread-safety: written by one owner thread (the adapter loop); reads from elsewhere may be stale.</remarks>
public sealed class ModeSCounters
{
    /// <summary>Frames taken off the stream.</summary>
    public long Frames { get; private set; }

    /// <summary>Bytes dropped while resynchronising (garbage, cut frames, bad AVR lines).</summary>
    public long BytesSkipped { get; private set; }

    /// <summary>Framing errors (each <see cref="DecodeStatus.InvalidData"/> from a framer).</summary>
    public long FramingErrors { get; private set; }

    /// <summary>Replies decoded.</summary>
    public long Decoded { get; private set; }

    /// <summary>Replies refused for a parity mismatch (DF11/17/18).</summary>
    public long CrcErrors { get; private set; }

    /// <summary>Replies refused as malformed for another reason (length, undefined DF).</summary>
    public long Malformed { get; private set; }

    /// <summary>Replies of a downlink format this decoder does not implement (DF19, DF22, DF24, Mode A/C).</summary>
    public long UnsupportedDownlinkFormat { get; private set; }

    /// <summary>Extended squitters of an unimplemented type code, subtype or DF18 control field.</summary>
    public long UnsupportedMessage { get; private set; }

    /// <summary>Counts one framer outcome; <paramref name="consumed"/> bytes were dropped when it is InvalidData.</summary>
    public void RecordFraming(DecodeStatus status, int consumed)
    {
        if (status == DecodeStatus.Done)
        {
            Frames++;
        }
        else if (status == DecodeStatus.InvalidData)
        {
            FramingErrors++;
            BytesSkipped += consumed;
        }
    }

    /// <summary>Counts one decoder outcome.</summary>
    public void RecordDecode(DecodeStatus status, in DecodeError error)
    {
        switch (status)
        {
            case DecodeStatus.Done:
                Decoded++;
                break;
            case DecodeStatus.InvalidData when error.Code == AdsbErrorCode.CrcMismatch:
                CrcErrors++;
                break;
            case DecodeStatus.InvalidData:
                Malformed++;
                break;
            case DecodeStatus.Unsupported when error.Code == AdsbErrorCode.UnsupportedDownlinkFormat:
                UnsupportedDownlinkFormat++;
                break;
            case DecodeStatus.Unsupported:
                UnsupportedMessage++;
                break;
        }
    }
}

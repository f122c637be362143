namespace Vigia.Protocols.Adsb;

/// <summary>Why a Beast/AVR framer or the Mode S decoder refused its input.</summary>
public enum AdsbErrorCode
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>Beast: bytes before the next <c>0x1a</c> frame marker (loss of sync); they are skipped.</summary>
    BeastGarbage,

    /// <summary>Beast: a frame type byte other than <c>'1'</c>, <c>'2'</c> or <c>'3'</c> after the marker.</summary>
    BeastUnknownFrameType,

    /// <summary>Beast: a lone <c>0x1a</c> (not doubled) inside a frame body: the frame was cut short.</summary>
    BeastUnescapedMarker,

    /// <summary>AVR: a line that starts with neither <c>'*'</c> nor <c>'@'</c>.</summary>
    AvrUnknownPrefix,

    /// <summary>AVR: a character that is not a hexadecimal digit before the <c>';'</c>.</summary>
    AvrInvalidHexDigit,

    /// <summary>AVR: the number of hex digits is not 4, 14 or 28 (plus 12 for the <c>'@'</c> timestamp).</summary>
    AvrInvalidLength,

    /// <summary>AVR: the line ended, or grew past the longest valid line, without a <c>';'</c>.</summary>
    AvrMissingTerminator,

    /// <summary>Decoder: the frame is not 2, 7 or 14 bytes long.</summary>
    InvalidFrameLength,

    /// <summary>Decoder: the downlink format says 56 bits and the frame has 112, or the reverse.</summary>
    LengthMismatch,

    /// <summary>Decoder: the parity field does not match the CRC-24 of the frame (DF11/17/18).</summary>
    CrcMismatch,

    /// <summary>Decoder: a downlink format number that Annex 10 does not assign (1–3, 6–10, 12–15, 22, 23).</summary>
    UndefinedDownlinkFormat,

    /// <summary>Decoder: an assigned downlink format this decoder does not implement (DF19, DF22, DF24, Mode A/C).</summary>
    UnsupportedDownlinkFormat,

    /// <summary>Decoder: a DF18 control field (CF 3, 4, 7) whose message layout is not implemented.</summary>
    UnsupportedControlField,

    /// <summary>Decoder: an extended squitter type code that is not implemented (0, 23–30).</summary>
    UnsupportedTypeCode,

    /// <summary>Decoder: an airborne velocity or operational status subtype that is reserved.</summary>
    UnsupportedSubtype,
}

namespace Vigia.Protocols.Adsb;

/// <summary>
/// Streaming reader of the AVR text format, as dump1090 serves it on TCP port 30002: one reply per line,
/// <c>*</c> + hex digits + <c>;</c>, or with a timestamp <c>@</c> + 12 hex digits (48-bit 12 MHz counter) + hex
/// digits + <c>;</c>. The reply is 4, 14 or 28 hex digits (Mode A/C, 56 or 112 bits), either case.
/// </summary>
/// <remarks>
/// Stateless, with the same contract as <see cref="BeastFramer.TryReadFrame"/>: Done (a frame, drop
/// <c>consumed</c>), NeedMoreData (the line is not complete yet: drop only the <c>consumed</c> bytes of leading
/// whitespace and keep the rest), InvalidData (drop <c>consumed</c> bytes, through the end of the bad line).
/// Leading whitespace and line ends are skipped. Never throws on bad
/// bytes; allocates nothing. Thread-safety: stateless.
/// </remarks>
public static class AvrFramer
{
    /// <summary>First character of a line without a timestamp.</summary>
    public const byte PrefixPlain = (byte)'*';

    /// <summary>First character of a line with a 12-hex-digit timestamp.</summary>
    public const byte PrefixTimestamp = (byte)'@';

    /// <summary>Last character of every reply.</summary>
    public const byte Terminator = (byte)';';

    /// <summary>Hex digits of the <c>'@'</c> timestamp.</summary>
    public const int TimestampDigits = 12;

    /// <summary>The longest valid line: prefix, timestamp, 28 digits and the terminator.</summary>
    public const int MaxLineLength = 1 + TimestampDigits + (2 * ModeSFrame.MaxLength) + 1;

    /// <summary>Reads the reply at the start of <paramref name="input"/> (ASCII bytes).</summary>
    /// <param name="input">Bytes received so far, starting where the previous call stopped.</param>
    /// <param name="frame">The frame when the result is <see cref="DecodeStatus.Done"/>, else default.</param>
    /// <param name="consumed">How many bytes of <paramref name="input"/> to drop (0 for NeedMoreData).</param>
    /// <param name="error">Why bytes were dropped, for <see cref="DecodeStatus.InvalidData"/>; else default.</param>
    public static DecodeStatus TryReadFrame(ReadOnlySpan<byte> input, out ModeSFrame frame, out int consumed, out DecodeError error)
    {
        frame = default;
        error = default;
        var start = 0;
        while (start < input.Length && IsWhitespace(input[start]))
        {
            start++;
        }

        consumed = start;
        if (start == input.Length)
        {
            // Only whitespace: drop it, nothing to report.
            return DecodeStatus.NeedMoreData;
        }

        var line = input[start..];
        var prefix = line[0];
        if (prefix != PrefixPlain && prefix != PrefixTimestamp)
        {
            return Reject(input, start, AdsbErrorCode.AvrUnknownPrefix, start, "Avr.Prefix", -1, prefix, out consumed, out error);
        }

        var end = line.IndexOfAny(Terminator, (byte)'\n', (byte)'\r');
        if (end < 0)
        {
            if (line.Length < MaxLineLength)
            {
                // The line is not complete yet; only the leading whitespace (consumed = start) may go.
                return DecodeStatus.NeedMoreData;
            }

            return Reject(input, start, AdsbErrorCode.AvrMissingTerminator, start + MaxLineLength - 1, "Avr.Terminator", Terminator, -1, out consumed, out error);
        }

        if (line[end] != Terminator || end >= MaxLineLength)
        {
            return Reject(input, start, AdsbErrorCode.AvrMissingTerminator, start + Math.Min(end, MaxLineLength - 1), "Avr.Terminator", Terminator, line[end], out consumed, out error);
        }

        var digits = line[1..end];
        var timestampDigits = prefix == PrefixTimestamp ? TimestampDigits : 0;
        var kind = ModeSFrame.KindOfLength((digits.Length - timestampDigits) / 2);
        if (digits.Length < timestampDigits || (digits.Length - timestampDigits) % 2 != 0 || kind == ModeSFrameKind.None)
        {
            return Reject(input, start, AdsbErrorCode.AvrInvalidLength, start + 1, "Avr.Digits", -1, digits.Length, out consumed, out error);
        }

        ulong timestamp = 0;
        for (var i = 0; i < timestampDigits; i++)
        {
            var nibble = HexValue(digits[i]);
            if (nibble < 0)
            {
                return Reject(input, start, AdsbErrorCode.AvrInvalidHexDigit, start + 1 + i, "Avr.Timestamp", -1, digits[i], out consumed, out error);
            }

            timestamp = (timestamp << 4) | (uint)nibble;
        }

        frame.Set(kind, timestamp, hasTimestamp: timestampDigits > 0, signalLevel: 0);
        var bytes = frame.Writable();
        for (var i = 0; i < bytes.Length; i++)
        {
            var at = timestampDigits + (2 * i);
            var high = HexValue(digits[at]);
            var low = HexValue(digits[at + 1]);
            if (high < 0 || low < 0)
            {
                frame = default;
                var bad = high < 0 ? at : at + 1;
                return Reject(input, start, AdsbErrorCode.AvrInvalidHexDigit, start + 1 + bad, "Avr.Message", -1, digits[bad], out consumed, out error);
            }

            bytes[i] = (byte)((high << 4) | low);
        }

        consumed = start + end + 1;
        return DecodeStatus.Done;
    }

    private static DecodeStatus Reject(
        ReadOnlySpan<byte> input, int lineStart, AdsbErrorCode code, int offset, string field, long expected, long actual, out int consumed, out DecodeError error)
    {
        // Drop the bad line through its end (newline or terminator), or up to the next line start.
        var rest = input[(lineStart + 1)..];
        var next = rest.IndexOfAny((byte)'\n', Terminator, PrefixPlain);
        var nextAt = rest.IndexOf(PrefixTimestamp);
        if (nextAt >= 0 && (next < 0 || nextAt < next))
        {
            next = nextAt;
        }

        consumed = next < 0
            ? input.Length
            : lineStart + 1 + next + (rest[next] is (byte)'\n' or Terminator ? 1 : 0);
        error = new DecodeError(code, offset, field, expected, actual);
        return DecodeStatus.InvalidData;
    }

    private static bool IsWhitespace(byte b) => b is (byte)'\n' or (byte)'\r' or (byte)' ' or (byte)'\t';

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}

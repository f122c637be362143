namespace Vigia.Protocols.Adsb;

/// <summary>
/// Streaming reader of the Mode-S Beast binary format, as dump1090 serves it on TCP port 30005: each frame is
/// <c>0x1a</c>, a type byte (<c>'1'</c> Mode A/C, <c>'2'</c> Mode S short, <c>'3'</c> Mode S long), a 6-byte
/// big-endian 12 MHz timestamp, one signal-level byte and 2, 7 or 14 reply bytes; every <c>0x1a</c> after the
/// type byte is sent twice (<c>0x1a 0x1a</c>).
/// </summary>
/// <remarks>
/// Stateless: each call looks at the start of the bytes it is given and says how many it used.
/// <list type="bullet">
/// <item><see cref="DecodeStatus.Done"/>: a frame; drop <c>consumed</c> bytes.</item>
/// <item><see cref="DecodeStatus.NeedMoreData"/>: the bytes end inside a frame; <c>consumed</c> is 0 — keep
/// them all and call again when more have arrived.</item>
/// <item><see cref="DecodeStatus.InvalidData"/>: sync was lost; <c>consumed</c> (at least 1) bytes up to the
/// next possible frame start are to be dropped and counted. Resynchronisation follows the format's own rule: a
/// frame starts only at a <c>0x1a</c> that is not one half of an escaped pair and is followed by a known type.</item>
/// </list>
/// Never throws on bad bytes; allocates nothing. Thread-safety: stateless.
/// </remarks>
public static class BeastFramer
{
    /// <summary>The frame marker and escape byte.</summary>
    public const byte Escape = 0x1a;

    /// <summary>Type byte of a Mode A/C frame.</summary>
    public const byte TypeModeAC = (byte)'1';

    /// <summary>Type byte of a 56-bit Mode S frame.</summary>
    public const byte TypeModeSShort = (byte)'2';

    /// <summary>Type byte of a 112-bit Mode S frame.</summary>
    public const byte TypeModeSLong = (byte)'3';

    /// <summary>Bytes of the timestamp field.</summary>
    public const int TimestampLength = 6;

    /// <summary>The longest encoded frame: marker, type, then 21 bytes that may all be escaped.</summary>
    public const int MaxEncodedLength = 2 + (2 * (TimestampLength + 1 + ModeSFrame.MaxLength));

    /// <summary>Reads the frame at the start of <paramref name="input"/>.</summary>
    /// <param name="input">Bytes received so far, starting where the previous call stopped.</param>
    /// <param name="frame">The frame when the result is <see cref="DecodeStatus.Done"/>, else default.</param>
    /// <param name="consumed">How many bytes of <paramref name="input"/> to drop (0 for NeedMoreData).</param>
    /// <param name="error">Why bytes were dropped, for <see cref="DecodeStatus.InvalidData"/>; else default.</param>
    public static DecodeStatus TryReadFrame(ReadOnlySpan<byte> input, out ModeSFrame frame, out int consumed, out DecodeError error)
    {
        frame = default;
        error = default;
        consumed = 0;
        if (input.IsEmpty)
        {
            return DecodeStatus.NeedMoreData;
        }

        if (input[0] != Escape || (input.Length > 1 && input[1] == Escape))
        {
            return Skip(input, out consumed, out error);
        }

        if (input.Length < 2)
        {
            return DecodeStatus.NeedMoreData;
        }

        var kind = input[1] switch
        {
            TypeModeAC => ModeSFrameKind.ModeAC,
            TypeModeSShort => ModeSFrameKind.ModeSShort,
            TypeModeSLong => ModeSFrameKind.ModeSLong,
            _ => ModeSFrameKind.None,
        };
        if (kind == ModeSFrameKind.None)
        {
            consumed = NextCandidate(input, 2);
            error = new DecodeError(AdsbErrorCode.BeastUnknownFrameType, 1, "Beast.Type", -1, input[1]);
            return DecodeStatus.InvalidData;
        }

        return ReadBody(input, kind, ref frame, out consumed, out error);
    }

    private static DecodeStatus ReadBody(ReadOnlySpan<byte> input, ModeSFrameKind kind, ref ModeSFrame frame, out int consumed, out DecodeError error)
    {
        consumed = 0;
        error = default;
        var position = 2;
        Span<byte> body = stackalloc byte[TimestampLength + 1 + ModeSFrame.MaxLength];
        body = body[..(TimestampLength + 1 + ModeSFrame.LengthOf(kind))];
        for (var i = 0; i < body.Length; i++)
        {
            if (position >= input.Length)
            {
                return DecodeStatus.NeedMoreData;
            }

            var b = input[position];
            if (b == Escape)
            {
                if (position + 1 >= input.Length)
                {
                    return DecodeStatus.NeedMoreData;
                }

                if (input[position + 1] != Escape)
                {
                    // A new frame starts here: the current one was cut short. Resynchronise on this marker.
                    consumed = position;
                    error = new DecodeError(AdsbErrorCode.BeastUnescapedMarker, position, BodyField(i), Escape, input[position + 1]);
                    return DecodeStatus.InvalidData;
                }

                position++;
            }

            body[i] = b;
            position++;
        }

        ulong timestamp = 0;
        for (var i = 0; i < TimestampLength; i++)
        {
            timestamp = (timestamp << 8) | body[i];
        }

        frame.Set(kind, timestamp, hasTimestamp: true, body[TimestampLength]);
        body[(TimestampLength + 1)..].CopyTo(frame.Writable());
        consumed = position;
        return DecodeStatus.Done;
    }

    private static string BodyField(int index) => index switch
    {
        < TimestampLength => "Beast.Timestamp",
        TimestampLength => "Beast.Signal",
        _ => "Beast.Message",
    };

    private static DecodeStatus Skip(ReadOnlySpan<byte> input, out int consumed, out DecodeError error)
    {
        // Never 0: input[0] is not a marker, or it starts an escaped pair that is skipped whole.
        consumed = NextCandidate(input, 0);
        error = new DecodeError(AdsbErrorCode.BeastGarbage, 0, "Beast.Marker", Escape, input[0]);
        return DecodeStatus.InvalidData;
    }

    /// <summary>Index of the first <c>0x1a</c> at or after <paramref name="from"/> that is not an escaped pair.</summary>
    private static int NextCandidate(ReadOnlySpan<byte> input, int from)
    {
        var i = from;
        while (i < input.Length)
        {
            var found = input[i..].IndexOf(Escape);
            if (found < 0)
            {
                return input.Length;
            }

            i += found;
            if (i + 1 < input.Length && input[i + 1] == Escape)
            {
                i += 2;
                continue;
            }

            return i;
        }

        return input.Length;
    }
}

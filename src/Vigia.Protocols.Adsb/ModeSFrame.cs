using System.Diagnostics.CodeAnalysis;

namespace Vigia.Protocols.Adsb;

/// <summary>
/// One reply taken off a receiver stream by <see cref="BeastFramer"/> or <see cref="AvrFramer"/>: its bytes
/// (unescaped), the receiver's timestamp and signal level when the format carries them.
/// </summary>
/// <remarks>
/// A value type with inline storage: framing allocates nothing. <see cref="Data"/> refers into this value, so
/// keep the frame in a local while using the span. Thread-safety: a value; copies are independent.
/// </remarks>
public struct ModeSFrame
{
    /// <summary>The longest reply: 112 bits.</summary>
    public const int MaxLength = 14;

    private ModeSFrameBytes _bytes;

    /// <summary>What the frame holds.</summary>
    public ModeSFrameKind Kind { get; private set; }

    /// <summary>The number of bytes in <see cref="Data"/> (2, 7 or 14).</summary>
    public int Length { get; private set; }

    /// <summary>
    /// The receiver's 48-bit timestamp: for dump1090 and the Mode-S Beast a free-running 12 MHz counter (the MLAT
    /// clock); 0 when the input had none (AVR <c>'*'</c> lines, or Beast frames relayed from AVR input).
    /// </summary>
    public ulong Timestamp12MHz { get; private set; }

    /// <summary>True when the format carried a timestamp field (Beast, AVR <c>'@'</c>).</summary>
    public bool HasTimestamp { get; private set; }

    /// <summary>The Beast signal-level byte (0–255, receiver-specific scale); 0 for AVR.</summary>
    public byte SignalLevel { get; private set; }

    /// <summary>The reply bytes, most significant first, parity last.</summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<byte> Data => ((ReadOnlySpan<byte>)_bytes)[..Length];

    /// <summary>Builds a frame from reply bytes (tests, tools, replay); the kind follows the length.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The length is not 2, 7 or 14.</exception>
    public static ModeSFrame FromBytes(ReadOnlySpan<byte> data, ulong timestamp12MHz = 0, byte signalLevel = 0)
    {
        var kind = KindOfLength(data.Length);
        if (kind == ModeSFrameKind.None)
        {
            AdsbThrowHelper.ThrowOutOfRange(nameof(data), "A Mode S or Mode A/C reply is 2, 7 or 14 bytes long.");
        }

        var frame = default(ModeSFrame);
        frame.Set(kind, timestamp12MHz, timestamp12MHz != 0, signalLevel);
        data.CopyTo(frame.Writable());
        return frame;
    }

    /// <summary>The kind of a reply of <paramref name="length"/> bytes, or <see cref="ModeSFrameKind.None"/>.</summary>
    public static ModeSFrameKind KindOfLength(int length) => length switch
    {
        2 => ModeSFrameKind.ModeAC,
        7 => ModeSFrameKind.ModeSShort,
        14 => ModeSFrameKind.ModeSLong,
        _ => ModeSFrameKind.None,
    };

    /// <summary>The number of bytes of a reply of <paramref name="kind"/>.</summary>
    public static int LengthOf(ModeSFrameKind kind) => kind switch
    {
        ModeSFrameKind.ModeAC => 2,
        ModeSFrameKind.ModeSShort => 7,
        ModeSFrameKind.ModeSLong => 14,
        _ => 0,
    };

    internal void Set(ModeSFrameKind kind, ulong timestamp12MHz, bool hasTimestamp, byte signalLevel)
    {
        Kind = kind;
        Length = LengthOf(kind);
        Timestamp12MHz = timestamp12MHz;
        HasTimestamp = hasTimestamp;
        SignalLevel = signalLevel;
    }

    [UnscopedRef]
    internal Span<byte> Writable() => ((Span<byte>)_bytes)[..Length];
}

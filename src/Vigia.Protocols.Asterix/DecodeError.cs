using System.Globalization;

namespace Vigia.Protocols.Asterix;

/// <summary>
/// Why a decode failed: a code, the byte offset, the item name (for example <c>I048/040</c>, <c>FSPEC</c>,
/// <c>LEN</c>) and an optional expected/actual pair. The text is built only when asked for.
/// </summary>
/// <remarks>
/// House style §4.2. <see cref="Offset"/> counts from the start of the span given to the decoder that reported
/// it (the datagram for <see cref="AsterixDecoder"/>). Thread-safety: an immutable value.
/// </remarks>
public readonly record struct DecodeError(AsterixErrorCode Code, int Offset, string Item, int Expected = -1, int Actual = -1)
{
    /// <summary>A one-line description, built lazily (allocates; not for the hot path).</summary>
    public string Message => Expected >= 0 || Actual >= 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Code} at byte {Offset} ({Item}): expected {Expected}, got {Actual}")
        : string.Create(CultureInfo.InvariantCulture, $"{Code} at byte {Offset} ({Item})");

    /// <inheritdoc />
    public override string ToString() => Message;

    /// <summary>The same error with its offset moved by <paramref name="delta"/> bytes.</summary>
    internal DecodeError Shift(int delta) => this with { Offset = Offset + delta };
}

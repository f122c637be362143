using System.Globalization;

namespace Vigia.Protocols.RemoteId;

/// <summary>Why a decode failed: a code, the byte offset, the field name and an optional expected/actual pair. The text is built only when asked for.</summary>
/// <remarks>House style §4.2. Thread-safety: an immutable value.</remarks>
public readonly record struct DecodeError(RemoteIdErrorCode Code, int Offset, string Field, int Expected = -1, int Actual = -1)
{
    /// <summary>A one-line description, built lazily (allocates; not for the hot path).</summary>
    public string Message => Expected >= 0 || Actual >= 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Code} at byte {Offset} ({Field}): expected {Expected}, got {Actual}")
        : string.Create(CultureInfo.InvariantCulture, $"{Code} at byte {Offset} ({Field})");

    /// <inheritdoc />
    public override string ToString() => Message;
}

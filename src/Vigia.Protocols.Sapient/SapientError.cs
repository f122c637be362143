using System.Globalization;

namespace Vigia.Protocols.Sapient;

/// <summary>
/// Why SAPIENT bytes were refused: a code, the byte offset (from the start of the stream for the framer, of the
/// protobuf payload for the decoder), the field, and an expected/actual pair where one helps.
/// The text is built only when asked for.
/// </summary>
/// <remarks>House style §4.2. Thread-safety: an immutable value.</remarks>
/// <param name="Code">What went wrong.</param>
/// <param name="Offset">Byte offset of the fault.</param>
/// <param name="Field">The field or item at fault (a protobuf field path such as <c>detection_report.location</c>, or <c>length</c>).</param>
/// <param name="Expected">The limit or expected value, or −1.</param>
/// <param name="Actual">The value found, or −1.</param>
public readonly record struct SapientError(SapientErrorCode Code, long Offset, string Field, long Expected = -1, long Actual = -1)
{
    /// <summary>A one-line description, built lazily (allocates; not for the hot path).</summary>
    public string Message => Expected >= 0 || Actual >= 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Code} at byte {Offset} ({Field}): expected {Expected}, got {Actual}")
        : string.Create(CultureInfo.InvariantCulture, $"{Code} at byte {Offset} ({Field})");

    /// <inheritdoc />
    public override string ToString() => Message;
}

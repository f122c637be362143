using System.Globalization;

namespace Vigia.Protocols.Adsb;

/// <summary>
/// Why a framer or decoder refused its input: a code, the byte offset in the input given to it, the field name
/// (a static string) and, where useful, the expected and actual values. The text is built only when asked for.
/// </summary>
/// <remarks>House style §4.2. Thread-safety: an immutable value.</remarks>
public readonly record struct DecodeError(AdsbErrorCode Code, int Offset, string Field, long Expected = -1, long Actual = -1)
{
    /// <summary>A one-line description, built lazily (allocates; for tools and logs, not the hot path).</summary>
    public string Message => Expected >= 0 || Actual >= 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Code} at byte {Offset} ({Field}): expected {Expected}, got {Actual}")
        : string.Create(CultureInfo.InvariantCulture, $"{Code} at byte {Offset} ({Field})");

    /// <inheritdoc />
    public override string ToString() => Message;
}

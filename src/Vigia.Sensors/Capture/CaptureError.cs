using System.Globalization;

namespace Vigia.Sensors.Capture;

/// <summary>
/// Where and why a capture file could not be read further: a code, the byte offset of the faulty
/// field in the file, the field name and, where useful, the limit and the value found.
/// </summary>
/// <remarks>Thread-safety: immutable value type.</remarks>
public readonly record struct CaptureError
{
    /// <summary>Creates an error.</summary>
    public CaptureError(CaptureErrorCode code, long offset, string field, long expected = -1, long actual = -1)
    {
        Code = code;
        Offset = offset;
        Field = field;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The error code.</summary>
    public CaptureErrorCode Code { get; }

    /// <summary>Byte offset in the file of the field at fault.</summary>
    public long Offset { get; }

    /// <summary>The field name, e.g. <c>EnhancedPacketBlock.CapturedLength</c>.</summary>
    public string Field { get; }

    /// <summary>The limit or expected value, or −1.</summary>
    public long Expected { get; }

    /// <summary>The value found, or −1.</summary>
    public long Actual { get; }

    /// <summary>A human-readable description (allocates).</summary>
    public string Message =>
        Expected >= 0 || Actual >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Code} in {Field} at byte {Offset} (expected {Expected}, actual {Actual})")
            : string.Create(CultureInfo.InvariantCulture, $"{Code} in {Field} at byte {Offset}");

    /// <inheritdoc />
    public override string ToString() => Message;
}

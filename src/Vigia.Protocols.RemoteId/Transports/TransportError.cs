using System.Globalization;

namespace Vigia.Protocols.RemoteId.Transports;

/// <summary>
/// Where and why a transport extraction failed: a code, the byte offset in the frame given to the
/// extractor, the field name (a static string) and, where useful, the expected and actual values.
/// The message text is built only when asked for (house style §4.2).
/// </summary>
/// <remarks>Thread-safety: immutable value type, safe to share.</remarks>
public readonly record struct TransportError
{
    /// <summary>Creates an error.</summary>
    public TransportError(TransportErrorCode code, int offset, string field, long expected = -1, long actual = -1)
    {
        Code = code;
        Offset = offset;
        Field = field;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The error code.</summary>
    public TransportErrorCode Code { get; }

    /// <summary>Byte offset of the faulty field in the frame passed to the extractor.</summary>
    public int Offset { get; }

    /// <summary>The field name, e.g. <c>VendorIe.Length</c>.</summary>
    public string Field { get; }

    /// <summary>The value or limit the field should have had, or −1 when not applicable.</summary>
    public long Expected { get; }

    /// <summary>The value found, or −1 when not applicable.</summary>
    public long Actual { get; }

    /// <summary>A human-readable description (allocates; for tools and logs, not the hot path).</summary>
    public string Message =>
        Expected >= 0 || Actual >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Code} in {Field} at byte {Offset} (expected {Expected}, actual {Actual})")
            : string.Create(CultureInfo.InvariantCulture, $"{Code} in {Field} at byte {Offset}");

    /// <inheritdoc />
    public override string ToString() => Message;
}

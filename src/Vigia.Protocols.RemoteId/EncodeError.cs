using System.Globalization;

namespace Vigia.Protocols.RemoteId;

/// <summary>Why the encoder refused a message: a code and the field name (static strings, no allocation until <see cref="Message"/>).</summary>
/// <remarks>Thread-safety: an immutable value.</remarks>
public readonly record struct EncodeError(RemoteIdErrorCode Code, string Field)
{
    /// <summary>A one-line description (allocates).</summary>
    public string Message => string.Create(CultureInfo.InvariantCulture, $"{Code}: {Field}");

    /// <inheritdoc />
    public override string ToString() => Message;
}

using Vigia.Protocols.Asterix.Layout;

namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>
/// Decodes CAT-062 SDPS system tracks (EUROCONTROL-SPEC-0149-9 edition 1.x), one record at a time; refuses
/// edition 0.17 as <see cref="DecodeStatus.Unsupported"/>.
/// </summary>
/// <remarks>As <see cref="Cat048.Cat048Decoder"/>: never throws on bad data, allocates nothing. Thread-safety: stateless.</remarks>
public static class Cat062Decoder
{
    /// <summary>Decodes the edition 1.x record at the start of <paramref name="data"/>.</summary>
    /// <param name="data">Record octets: the rest of a block's records, FSPEC first.</param>
    /// <param name="record">The record (its <see cref="Cat062Record.Bytes"/> length is the octets consumed) when the result is <see cref="DecodeStatus.Done"/>.</param>
    /// <param name="error">Why it was refused (offset relative to <paramref name="data"/>), else default.</param>
    public static DecodeStatus TryDecode(ReadOnlySpan<byte> data, out Cat062Record record, out DecodeError error) =>
        TryDecode(data, Cat062Edition.Edition1, out record, out error);

    /// <summary>Decodes the record at the start of <paramref name="data"/> as the given edition.</summary>
    /// <param name="data">Record octets: the rest of a block's records, FSPEC first.</param>
    /// <param name="edition">The edition the source sends.</param>
    /// <param name="record">The record when the result is <see cref="DecodeStatus.Done"/>.</param>
    /// <param name="error">Why it was refused, else default.</param>
    /// <returns><see cref="DecodeStatus.Unsupported"/> for edition 0.17, whose records this decoder cannot even delimit.</returns>
    public static DecodeStatus TryDecode(ReadOnlySpan<byte> data, Cat062Edition edition, out Cat062Record record, out DecodeError error)
    {
        record = default;
        if (edition != Cat062Edition.Edition1)
        {
            error = UnsupportedEditionError(0);
            return DecodeStatus.Unsupported;
        }

        var status = RecordWalker.TryWalk(Cat062Uap.Instance, data, out record.Core, out error);
        if (status == DecodeStatus.Done && !ValueChecks.TimeOfDayInRange(record.Core, Cat062Uap.I070, "I062/070", out error))
        {
            record = default;
            return DecodeStatus.InvalidData;
        }

        return status;
    }

    /// <summary>Decodes one edition 1.x record or throws <see cref="ProtocolDecodeException"/> (tools and tests only).</summary>
    /// <exception cref="ProtocolDecodeException">The bytes are refused.</exception>
    public static Cat062Record Decode(ReadOnlySpan<byte> data)
    {
        var status = TryDecode(data, out var record, out var error);
        if (status != DecodeStatus.Done)
        {
            AsterixThrowHelper.ThrowDecode(status, error);
        }

        return record;
    }

    internal static DecodeError UnsupportedEditionError(int offset) =>
        new(AsterixErrorCode.UnsupportedEdition, offset, "I062 UAP", (int)Cat062Edition.Edition1, (int)Cat062Edition.Edition0Dot17);
}

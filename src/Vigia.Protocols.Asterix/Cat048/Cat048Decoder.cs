using Vigia.Protocols.Asterix.Layout;

namespace Vigia.Protocols.Asterix.Cat048;

/// <summary>
/// Decodes CAT-048 monoradar target reports (EUROCONTROL-SPEC-0149-4, editions 1.14–1.31): one record at a time
/// from the record octets of a data block.
/// </summary>
/// <remarks>
/// Delimits the record by its FSPEC and the UAP, checking every length, FX chain and repetition against the bytes
/// left and its bound; item values are read from the record bytes when a property is read. Never throws on bad
/// data and allocates nothing. Thread-safety: stateless.
/// </remarks>
public static class Cat048Decoder
{
    /// <summary>Decodes the record at the start of <paramref name="data"/>.</summary>
    /// <param name="data">Record octets: the rest of a block's records, FSPEC first.</param>
    /// <param name="record">The record (its <see cref="Cat048Record.Bytes"/> length is the octets consumed) when the result is <see cref="DecodeStatus.Done"/>.</param>
    /// <param name="error">Why it was refused (offset relative to <paramref name="data"/>), else default.</param>
    /// <returns><see cref="DecodeStatus.Done"/> or <see cref="DecodeStatus.InvalidData"/>.</returns>
    public static DecodeStatus TryDecode(ReadOnlySpan<byte> data, out Cat048Record record, out DecodeError error)
    {
        record = default;
        var status = RecordWalker.TryWalk(Cat048Uap.Instance, data, out record.Core, out error);
        if (status == DecodeStatus.Done && !ValueChecks.TimeOfDayInRange(record.Core, Cat048Uap.I140, "I048/140", out error))
        {
            record = default;
            return DecodeStatus.InvalidData;
        }

        return status;
    }

    /// <summary>Decodes one record or throws <see cref="ProtocolDecodeException"/> (tools and tests only).</summary>
    /// <exception cref="ProtocolDecodeException">The bytes are refused.</exception>
    public static Cat048Record Decode(ReadOnlySpan<byte> data)
    {
        var status = TryDecode(data, out var record, out var error);
        if (status != DecodeStatus.Done)
        {
            AsterixThrowHelper.ThrowDecode(status, error);
        }

        return record;
    }
}

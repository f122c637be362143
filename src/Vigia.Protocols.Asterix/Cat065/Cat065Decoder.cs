using Vigia.Protocols.Asterix.Layout;

namespace Vigia.Protocols.Asterix.Cat065;

/// <summary>Decodes CAT-065 SDPS service status messages (EUROCONTROL-SPEC-0149-15, editions 1.4–1.6), one record at a time.</summary>
/// <remarks>As <see cref="Cat048.Cat048Decoder"/>: never throws on bad data, allocates nothing. Thread-safety: stateless.</remarks>
public static class Cat065Decoder
{
    /// <summary>Decodes the record at the start of <paramref name="data"/>.</summary>
    /// <param name="data">Record octets: the rest of a block's records, FSPEC first.</param>
    /// <param name="record">The record (its <see cref="Cat065Record.Bytes"/> length is the octets consumed) when the result is <see cref="DecodeStatus.Done"/>.</param>
    /// <param name="error">Why it was refused (offset relative to <paramref name="data"/>), else default.</param>
    public static DecodeStatus TryDecode(ReadOnlySpan<byte> data, out Cat065Record record, out DecodeError error)
    {
        record = default;
        var status = RecordWalker.TryWalk(Cat065Uap.Instance, data, out record.Core, out error);
        if (status == DecodeStatus.Done && !ValueChecks.TimeOfDayInRange(record.Core, Cat065Uap.I030, "I065/030", out error))
        {
            record = default;
            return DecodeStatus.InvalidData;
        }

        return status;
    }

    /// <summary>Decodes one record or throws <see cref="ProtocolDecodeException"/> (tools and tests only).</summary>
    /// <exception cref="ProtocolDecodeException">The bytes are refused.</exception>
    public static Cat065Record Decode(ReadOnlySpan<byte> data)
    {
        var status = TryDecode(data, out var record, out var error);
        if (status != DecodeStatus.Done)
        {
            AsterixThrowHelper.ThrowDecode(status, error);
        }

        return record;
    }
}

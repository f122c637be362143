using Vigia.Protocols.Asterix.Layout;

namespace Vigia.Protocols.Asterix.Cat021;

/// <summary>Decodes CAT-021 ADS-B target reports (EUROCONTROL-SPEC-0149-12, editions 2.1–2.6), one record at a time.</summary>
/// <remarks>
/// As <see cref="Cat048.Cat048Decoder"/>: never throws on bad data, allocates nothing. Every time of day (I021/071,
/// 072, 073, 075, 077) must be below 24 h. Thread-safety: stateless.
/// </remarks>
public static class Cat021Decoder
{
    /// <summary>Decodes the record at the start of <paramref name="data"/>.</summary>
    /// <param name="data">Record octets: the rest of a block's records, FSPEC first.</param>
    /// <param name="record">The record (its <see cref="Cat021Record.Bytes"/> length is the octets consumed) when the result is <see cref="DecodeStatus.Done"/>.</param>
    /// <param name="error">Why it was refused (offset relative to <paramref name="data"/>), else default.</param>
    public static DecodeStatus TryDecode(ReadOnlySpan<byte> data, out Cat021Record record, out DecodeError error)
    {
        record = default;
        var status = RecordWalker.TryWalk(Cat021Uap.Instance, data, out record.Core, out error);
        if (status != DecodeStatus.Done)
        {
            return status;
        }

        if (!ValueChecks.TimeOfDayInRange(record.Core, Cat021Uap.I071, "I021/071", out error)
            || !ValueChecks.TimeOfDayInRange(record.Core, Cat021Uap.I072, "I021/072", out error)
            || !ValueChecks.TimeOfDayInRange(record.Core, Cat021Uap.I073, "I021/073", out error)
            || !ValueChecks.TimeOfDayInRange(record.Core, Cat021Uap.I075, "I021/075", out error)
            || !ValueChecks.TimeOfDayInRange(record.Core, Cat021Uap.I077, "I021/077", out error))
        {
            record = default;
            return DecodeStatus.InvalidData;
        }

        return DecodeStatus.Done;
    }

    /// <summary>Decodes one record or throws <see cref="ProtocolDecodeException"/> (tools and tests only).</summary>
    /// <exception cref="ProtocolDecodeException">The bytes are refused.</exception>
    public static Cat021Record Decode(ReadOnlySpan<byte> data)
    {
        var status = TryDecode(data, out var record, out var error);
        if (status != DecodeStatus.Done)
        {
            AsterixThrowHelper.ThrowDecode(status, error);
        }

        return record;
    }
}

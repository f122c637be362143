using Vigia.Protocols.Asterix.Cat021;
using Vigia.Protocols.Asterix.Cat034;
using Vigia.Protocols.Asterix.Cat048;
using Vigia.Protocols.Asterix.Cat062;
using Vigia.Protocols.Asterix.Cat065;

namespace Vigia.Protocols.Asterix.Tests.Support;

/// <summary>Copies every record and error <see cref="AsterixDecoder"/> reports (tests only: it allocates).</summary>
public sealed class RecordCollector : IAsterixRecordHandler
{
    public List<DecodedRecord> Records { get; } = [];

    public List<(DecodeStatus Status, DecodeError Error, byte Category)> Errors { get; } = [];

    public void OnCat048(in Cat048Record record) => Records.Add(new DecodedRecord(48, record.Offset, record.Bytes.ToArray()));

    public void OnCat034(in Cat034Record record) => Records.Add(new DecodedRecord(34, record.Offset, record.Bytes.ToArray()));

    public void OnCat062(in Cat062Record record) => Records.Add(new DecodedRecord(62, record.Offset, record.Bytes.ToArray()));

    public void OnCat065(in Cat065Record record) => Records.Add(new DecodedRecord(65, record.Offset, record.Bytes.ToArray()));

    public void OnCat021(in Cat021Record record) => Records.Add(new DecodedRecord(21, record.Offset, record.Bytes.ToArray()));

    public void OnError(DecodeStatus status, in DecodeError error, byte category) => Errors.Add((status, error, category));

    /// <summary>Decodes <paramref name="data"/> into a fresh collector.</summary>
    public static RecordCollector Decode(ReadOnlySpan<byte> data, AsterixDecoderOptions options = default)
    {
        var collector = new RecordCollector();
        _ = AsterixDecoder.Decode(data, ref collector, options);
        return collector;
    }
}

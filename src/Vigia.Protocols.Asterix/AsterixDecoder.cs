using Vigia.Protocols.Asterix.Cat021;
using Vigia.Protocols.Asterix.Cat034;
using Vigia.Protocols.Asterix.Cat048;
using Vigia.Protocols.Asterix.Cat062;
using Vigia.Protocols.Asterix.Cat065;
using Vigia.Protocols.Asterix.Framing;

namespace Vigia.Protocols.Asterix;

/// <summary>
/// Decodes a datagram (or a whole raw recording) of ASTERIX data blocks: frames each block by CAT/LEN, decodes its
/// records with the category's decoder and hands each one to a handler, without allocating.
/// </summary>
/// <remarks>
/// Several blocks per datagram and several records per block. A malformed record ends its block, because records
/// carry no length; the next block is decoded. Categories other than 021, 034, 048, 062 and 065 are reported
/// <see cref="DecodeStatus.Unsupported"/> once per block and skipped by LEN. Bytes after a block whose LEN is
/// invalid or runs past the end are reported and not decoded. Never throws on bad data. Thread-safety: stateless.
/// </remarks>
public static class AsterixDecoder
{
    /// <summary>Decodes every block in <paramref name="data"/>.</summary>
    /// <param name="data">A UDP payload, or concatenated blocks of a raw recording.</param>
    /// <param name="handler">Receives records and refusals.</param>
    /// <param name="options">Edition choices the wire cannot express.</param>
    public static AsterixDecodeSummary Decode<THandler>(ReadOnlySpan<byte> data, ref THandler handler, AsterixDecoderOptions options = default)
        where THandler : IAsterixRecordHandler, allows ref struct
    {
        var counts = default(Counts);
        var pos = 0;
        while (pos < data.Length)
        {
            var status = AsterixFraming.TryReadBlock(data[pos..], out var block, out var error);
            if (status != DecodeStatus.Done)
            {
                // In a datagram or a finished file, an incomplete block is a truncated one.
                error = error.Shift(pos);
                handler.OnError(DecodeStatus.InvalidData, in error, data[pos]);
                counts.Malformed++;
                break;
            }

            counts.Blocks++;
            DecodeBlock(block, pos, ref handler, options, ref counts);
            pos += block.Length;
        }

        return new AsterixDecodeSummary(counts.Blocks, counts.Records, counts.Malformed, counts.Unsupported);
    }

    private static void DecodeBlock<THandler>(AsterixDataBlock block, int blockOffset, ref THandler handler, AsterixDecoderOptions options, ref Counts counts)
        where THandler : IAsterixRecordHandler, allows ref struct
    {
        var records = block.Records;
        var baseOffset = blockOffset + AsterixDataBlock.HeaderSize;
        var pos = 0;
        var category = block.Category;
        if (category == AsterixCategories.Cat062 && options.Cat062Edition != Cat062Edition.Edition1)
        {
            var error = Cat062Decoder.UnsupportedEditionError(blockOffset);
            handler.OnError(DecodeStatus.Unsupported, in error, category);
            counts.Unsupported++;
            return;
        }

        while (pos < records.Length)
        {
            var rest = records[pos..];
            DecodeStatus status;
            DecodeError error;
            int length;
            switch (category)
            {
                case AsterixCategories.Cat048:
                    status = Cat048Decoder.TryDecode(rest, out var r048, out error);
                    length = r048.Bytes.Length;
                    if (status == DecodeStatus.Done)
                    {
                        r048.Core.Offset = baseOffset + pos;
                        handler.OnCat048(in r048);
                    }

                    break;
                case AsterixCategories.Cat034:
                    status = Cat034Decoder.TryDecode(rest, out var r034, out error);
                    length = r034.Bytes.Length;
                    if (status == DecodeStatus.Done)
                    {
                        r034.Core.Offset = baseOffset + pos;
                        handler.OnCat034(in r034);
                    }

                    break;
                case AsterixCategories.Cat062:
                    status = Cat062Decoder.TryDecode(rest, out var r062, out error);
                    length = r062.Bytes.Length;
                    if (status == DecodeStatus.Done)
                    {
                        r062.Core.Offset = baseOffset + pos;
                        handler.OnCat062(in r062);
                    }

                    break;
                case AsterixCategories.Cat065:
                    status = Cat065Decoder.TryDecode(rest, out var r065, out error);
                    length = r065.Bytes.Length;
                    if (status == DecodeStatus.Done)
                    {
                        r065.Core.Offset = baseOffset + pos;
                        handler.OnCat065(in r065);
                    }

                    break;
                case AsterixCategories.Cat021:
                    status = Cat021Decoder.TryDecode(rest, out var r021, out error);
                    length = r021.Bytes.Length;
                    if (status == DecodeStatus.Done)
                    {
                        r021.Core.Offset = baseOffset + pos;
                        handler.OnCat021(in r021);
                    }

                    break;
                default:
                    error = new DecodeError(AsterixErrorCode.UnsupportedCategory, blockOffset, "CAT", -1, category);
                    handler.OnError(DecodeStatus.Unsupported, in error, category);
                    counts.Unsupported++;
                    return;
            }

            if (status != DecodeStatus.Done)
            {
                error = error.Shift(baseOffset + pos);
                handler.OnError(status, in error, category);
                counts.Malformed++;
                return;
            }

            counts.Records++;
            pos += length;
        }
    }

    private struct Counts
    {
        public int Blocks;
        public int Records;
        public int Malformed;
        public int Unsupported;
    }
}

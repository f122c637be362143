using Vigia.Protocols.Asterix.Cat062;
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
public static partial class AsterixDecoder
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
        var category = block.Category;
        DecodeError error;
        if (!IsDecoded(category, options, blockOffset, out var status, out error))
        {
            handler.OnError(status, in error, category);
            counts.Unsupported++;
            return;
        }

        var records = block.Records;
        var baseOffset = blockOffset + AsterixDataBlock.HeaderSize;
        for (var pos = 0; pos < records.Length;)
        {
            status = DecodeRecord(category, records[pos..], baseOffset + pos, ref handler, out var length, out error);
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

    private static bool IsDecoded(byte category, AsterixDecoderOptions options, int blockOffset, out DecodeStatus status, out DecodeError error)
    {
        status = DecodeStatus.Unsupported;
        switch (category)
        {
            case AsterixCategories.Cat062 when options.Cat062Edition != Cat062Edition.Edition1:
                error = Cat062Decoder.UnsupportedEditionError(blockOffset);
                return false;
            case AsterixCategories.Cat021 or AsterixCategories.Cat034 or AsterixCategories.Cat048 or AsterixCategories.Cat062 or AsterixCategories.Cat065:
                status = DecodeStatus.Done;
                error = default;
                return true;
            default:
                error = new DecodeError(AsterixErrorCode.UnsupportedCategory, blockOffset, "CAT", -1, category);
                return false;
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

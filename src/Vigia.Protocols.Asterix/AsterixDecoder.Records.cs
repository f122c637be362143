using Vigia.Protocols.Asterix.Cat021;
using Vigia.Protocols.Asterix.Cat034;
using Vigia.Protocols.Asterix.Cat048;
using Vigia.Protocols.Asterix.Cat062;
using Vigia.Protocols.Asterix.Cat065;

namespace Vigia.Protocols.Asterix;

/// <summary>One record of a decoded category: decode it and hand it to the handler.</summary>
public static partial class AsterixDecoder
{
    private static DecodeStatus DecodeRecord<THandler>(byte category, ReadOnlySpan<byte> data, int offset, ref THandler handler, out int length, out DecodeError error)
        where THandler : IAsterixRecordHandler, allows ref struct => category switch
        {
            AsterixCategories.Cat048 => Deliver048(data, offset, ref handler, out length, out error),
            AsterixCategories.Cat034 => Deliver034(data, offset, ref handler, out length, out error),
            AsterixCategories.Cat062 => Deliver062(data, offset, ref handler, out length, out error),
            AsterixCategories.Cat065 => Deliver065(data, offset, ref handler, out length, out error),
            _ => Deliver021(data, offset, ref handler, out length, out error),
        };

    private static DecodeStatus Deliver048<THandler>(ReadOnlySpan<byte> data, int offset, ref THandler handler, out int length, out DecodeError error)
        where THandler : IAsterixRecordHandler, allows ref struct
    {
        var status = Cat048Decoder.TryDecode(data, out var record, out error);
        length = record.Bytes.Length;
        if (status == DecodeStatus.Done)
        {
            record.Core.Offset = offset;
            handler.OnCat048(in record);
        }

        return status;
    }

    private static DecodeStatus Deliver034<THandler>(ReadOnlySpan<byte> data, int offset, ref THandler handler, out int length, out DecodeError error)
        where THandler : IAsterixRecordHandler, allows ref struct
    {
        var status = Cat034Decoder.TryDecode(data, out var record, out error);
        length = record.Bytes.Length;
        if (status == DecodeStatus.Done)
        {
            record.Core.Offset = offset;
            handler.OnCat034(in record);
        }

        return status;
    }

    private static DecodeStatus Deliver062<THandler>(ReadOnlySpan<byte> data, int offset, ref THandler handler, out int length, out DecodeError error)
        where THandler : IAsterixRecordHandler, allows ref struct
    {
        var status = Cat062Decoder.TryDecode(data, out var record, out error);
        length = record.Bytes.Length;
        if (status == DecodeStatus.Done)
        {
            record.Core.Offset = offset;
            handler.OnCat062(in record);
        }

        return status;
    }

    private static DecodeStatus Deliver065<THandler>(ReadOnlySpan<byte> data, int offset, ref THandler handler, out int length, out DecodeError error)
        where THandler : IAsterixRecordHandler, allows ref struct
    {
        var status = Cat065Decoder.TryDecode(data, out var record, out error);
        length = record.Bytes.Length;
        if (status == DecodeStatus.Done)
        {
            record.Core.Offset = offset;
            handler.OnCat065(in record);
        }

        return status;
    }

    private static DecodeStatus Deliver021<THandler>(ReadOnlySpan<byte> data, int offset, ref THandler handler, out int length, out DecodeError error)
        where THandler : IAsterixRecordHandler, allows ref struct
    {
        var status = Cat021Decoder.TryDecode(data, out var record, out error);
        length = record.Bytes.Length;
        if (status == DecodeStatus.Done)
        {
            record.Core.Offset = offset;
            handler.OnCat021(in record);
        }

        return status;
    }
}

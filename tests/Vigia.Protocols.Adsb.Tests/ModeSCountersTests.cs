namespace Vigia.Protocols.Adsb.Tests;

/// <summary>Refusals are counted, not thrown: a stream with bad-CRC frames, garbage and unsupported replies.</summary>
public sealed class ModeSCountersTests
{
    private static byte[] Beast(string hex)
    {
        var reply = Convert.FromHexString(hex);
        var frame = new List<byte> { 0x1a, reply.Length == 14 ? BeastFramer.TypeModeSLong : BeastFramer.TypeModeSShort, 0, 0, 0, 0, 0, 1, 0x40 };
        foreach (var b in reply)
        {
            frame.Add(b);
            if (b == 0x1a)
            {
                frame.Add(b);
            }
        }

        return [.. frame];
    }

    [Fact]
    public void StreamWithBadCrcGarbageAndUnsupportedFrames_IsCountedByKind()
    {
        byte[] stream =
        [
            .. Beast("8D4840D6202CC371C32CE0576098"),      // good identification
            .. Beast("8D4CA251204994B1C36E60A5343D"),      // CRC error (riddle msgB)
            0x00, 0x42, 0x17,                              // garbage
            .. Beast("8D4840D6202CC371C32CE0576099"),      // CRC error (last bit flipped)
            .. Beast("9800000000000000000000000000"),      // DF19: unsupported format
            .. Beast(Convert.ToHexString(ModeSDecoderTests.WithParity("8D4840D6E1000000000000000000"))), // TC 28
            .. Beast("08000000000000"),                    // DF1: undefined
            .. Beast("5D4D20237A55A6"),                    // good all-call
        ];
        var counters = new ModeSCounters();
        var input = stream.AsSpan();
        while (true)
        {
            var status = BeastFramer.TryReadFrame(input, out var frame, out var consumed, out _);
            counters.RecordFraming(status, consumed);
            if (status == DecodeStatus.NeedMoreData)
            {
                break;
            }

            input = input[consumed..];
            if (status == DecodeStatus.Done)
            {
                var decode = ModeSDecoder.TryDecode(frame.Data, out _, out var error);
                counters.RecordDecode(decode, error);
            }
        }

        Assert.Equal(7, counters.Frames);
        Assert.Equal((1, 3), (counters.FramingErrors, counters.BytesSkipped));
        Assert.Equal(2, counters.Decoded);
        Assert.Equal(2, counters.CrcErrors);
        Assert.Equal(1, counters.Malformed);
        Assert.Equal(1, counters.UnsupportedDownlinkFormat);
        Assert.Equal(1, counters.UnsupportedMessage);
    }
}

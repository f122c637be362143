using BenchmarkDotNet.Attributes;
using Vigia.Core.Time;
using Vigia.Protocols.Adsb;

namespace Vigia.Benchmarks.Adsb;

/// <summary>
/// Mode S / ADS-B throughput per core (issue 8 target: ≥ 1 million frames/s through Beast framing + CRC + decode,
/// 0 bytes per frame). The stream is <see cref="FramesPerInvoke"/> Beast frames built in [GlobalSetup] from the
/// embedded replies below, in turn, with 12 MHz timestamps 1 ms apart and every 0x1a byte escaped. Mean is per
/// frame (OperationsPerInvoke), so frames/s = 10⁹ / Mean in ns.
/// </summary>
/// <remarks>
/// Replies: the modes1 capture's aircraft 4D2023 (shared/data/adsb/reference, dump1090-mutability AVR output) —
/// DF17 identification, odd and even airborne positions, velocity (twice), DF11, DF0, DF4, DF5, DF20, DF21 — plus the
/// test-vector reply with a bad CRC (The 1090 MHz Riddle, msgB), so one frame in twelve takes the refusal path.
/// </remarks>
[MemoryDiagnoser]
public class AdsbDecodeBenchmarks
{
    /// <summary>Frames in one invocation.</summary>
    public const int FramesPerInvoke = 12_000;

    private static readonly string[] Replies =
    [
        "8F4D2023587F345E35837E2218B2",
        "8D4D2023991096ADE8801446AD1A",
        "5D4D20237A55A6",
        "20000F1F684A6C",
        "280010248C796B",
        "8D4D20232004D0F4CB1820B0EFD4",
        "8F4D20235877D0BC7D99551E27CA",
        "02E60EBA41A90A",
        "A0200EB02004D0F4CB18200BA365",
        "A8201024FA8103000000004DA3BC",
        "8D4D2023991096ADE8801446AD1A",
        "8D4CA251204994B1C36E60A5343D",
    ];

    private byte[] _stream = [];
    private AircraftStateTable _table = new(new AircraftStateOptions());

    [GlobalSetup]
    public void Setup()
    {
        var bytes = new List<byte>();
        for (var i = 0; i < FramesPerInvoke; i++)
        {
            AppendBeast(bytes, Convert.FromHexString(Replies[i % Replies.Length]), (ulong)i * 12_000);
        }

        _stream = [.. bytes];
        _table = new AircraftStateTable(new AircraftStateOptions());
        if (FramingCrcDecode() < FramesPerInvoke * 10 / Replies.Length)
        {
            throw new InvalidOperationException("the embedded replies no longer decode");
        }
    }

    /// <summary>Beast framing (unescaping) + CRC-24 + decode of every frame; returns the number decoded.</summary>
    [Benchmark(OperationsPerInvoke = FramesPerInvoke, Baseline = true)]
    public int FramingCrcDecode()
    {
        var input = _stream.AsSpan();
        var decoded = 0;
        while (BeastFramer.TryReadFrame(input, out var frame, out var consumed, out _) == DecodeStatus.Done)
        {
            input = input[consumed..];
            if (ModeSDecoder.TryDecode(frame.Data, out _, out _) == DecodeStatus.Done)
            {
                decoded++;
            }
        }

        return decoded;
    }

    /// <summary>As <see cref="FramingCrcDecode"/>, then each message applied to the aircraft table (CPR resolution included).</summary>
    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public int FramingCrcDecodeAndState()
    {
        var input = _stream.AsSpan();
        var positions = 0;
        while (BeastFramer.TryReadFrame(input, out var frame, out var consumed, out _) == DecodeStatus.Done)
        {
            input = input[consumed..];
            if (ModeSDecoder.TryDecode(frame.Data, out var message, out _) == DecodeStatus.Done)
            {
                var update = _table.Apply(message, new Timestamp((long)(frame.Timestamp12MHz * 1000 / 12)));
                positions += update.HasPosition ? 1 : 0;
            }
        }

        return positions;
    }

    /// <summary>The CRC-24 syndrome alone, over the same frames' bytes (framing excluded).</summary>
    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public uint CrcOnly()
    {
        uint sum = 0;
        for (var i = 0; i < FramesPerInvoke; i++)
        {
            sum ^= ModeSCrc.Syndrome(ReplyBytes[i % ReplyBytes.Length]);
        }

        return sum;
    }

    private static readonly byte[][] ReplyBytes = [.. Replies.Select(Convert.FromHexString)];

    private static void AppendBeast(List<byte> output, byte[] reply, ulong timestamp)
    {
        output.Add(BeastFramer.Escape);
        output.Add(reply.Length == 14 ? BeastFramer.TypeModeSLong : BeastFramer.TypeModeSShort);
        Span<byte> body = stackalloc byte[BeastFramer.TimestampLength + 1 + 14];
        for (var i = 0; i < BeastFramer.TimestampLength; i++)
        {
            body[i] = (byte)(timestamp >> (8 * (BeastFramer.TimestampLength - 1 - i)));
        }

        body[BeastFramer.TimestampLength] = 0x40;
        reply.CopyTo(body[(BeastFramer.TimestampLength + 1)..]);
        foreach (var b in body[..(BeastFramer.TimestampLength + 1 + reply.Length)])
        {
            output.Add(b);
            if (b == BeastFramer.Escape)
            {
                output.Add(b);
            }
        }
    }
}

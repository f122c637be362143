using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigia.Core.Time;
using Vigia.Testing;

namespace Vigia.Protocols.Adsb.Tests;

/// <summary>
/// Property tests: random bytes and mutated real frames never throw, framers always make progress and stay in
/// bounds, errors always name a code; and the hot path (Beast framing + CRC + decode + state) allocates nothing.
/// </summary>
public sealed class RobustnessTests
{
    private static readonly byte[] Modes1 = AdsbData.Reference("modes1_2400k.dump1090-mutability.beast.bin");

    /// <summary>Byte strings of 0–80 bytes, biased towards the Beast marker and type bytes and the DF17 header.</summary>
    private static Arbitrary<byte[]> Bytes()
    {
        var interesting = Gen.Elements<byte>(0x1a, 0x31, 0x32, 0x33, 0x8D, 0x2A, 0x40, 0x3B, 0x0A);
        var any = Gen.Choose(0, 255).Select(i => (byte)i);
        var b = Gen.Frequency((3, any), (1, interesting));
        return Gen.Choose(0, 80).SelectMany(n => Gen.ArrayOf(b, n)).ToArbitrary();
    }

    /// <summary>A slice of the reference Beast stream with a few bytes flipped.</summary>
    private static Arbitrary<byte[]> MutatedStream() =>
        (from start in Gen.Choose(0, Modes1.Length - 1)
         from length in Gen.Choose(1, 200)
         from flips in Gen.ArrayOf(Gen.Choose(0, 199), 3)
         from values in Gen.ArrayOf(Gen.Choose(0, 255), 3)
         select Mutate(start, length, flips, values)).ToArbitrary();

    private static byte[] Mutate(int start, int length, int[] flips, int[] values)
    {
        var bytes = Modes1.AsSpan(start, Math.Min(length, Modes1.Length - start)).ToArray();
        for (var i = 0; i < flips.Length; i++)
        {
            bytes[flips[i] % bytes.Length] = (byte)values[i];
        }

        return bytes;
    }

    [Property(MaxTest = 3000)]
    public Property RandomBytes_NeverThrowAnywhere() => Prop.ForAll(Bytes(), bytes => Everything(bytes));

    [Property(MaxTest = 1000)]
    public Property MutatedReferenceStream_NeverThrowsAndAlwaysProgresses() => Prop.ForAll(MutatedStream(), bytes => Everything(bytes));

    private static bool Everything(byte[] bytes)
    {
        Drain(bytes, BeastFramer.TryReadFrame);
        Drain(bytes, AvrFramer.TryReadFrame);
        var table = new AircraftStateTable(new AircraftStateOptions { Capacity = 4, ReceiverLatitudeDegrees = 52, ReceiverLongitudeDegrees = 4 });
        foreach (var parity in new[] { ParityCheck.Verify, ParityCheck.Ignore })
        {
            var status = ModeSDecoder.TryDecode(bytes, parity, out var message, out var error);
            Assert.True(Enum.IsDefined(status));
            Assert.True(status == DecodeStatus.Done || error.Code != AdsbErrorCode.None);
            Assert.InRange(error.Offset, 0, Math.Max(0, bytes.Length));
            _ = table.Apply(message, Timestamp.FromUnixSeconds(bytes.Length));
        }

        return true;
    }

    private delegate DecodeStatus Framer(ReadOnlySpan<byte> input, out ModeSFrame frame, out int consumed, out DecodeError error);

    private static void Drain(byte[] bytes, Framer read)
    {
        var input = bytes.AsSpan();
        while (!input.IsEmpty)
        {
            var status = read(input, out var frame, out var consumed, out var error);
            Assert.InRange(consumed, 0, input.Length);
            if (status == DecodeStatus.NeedMoreData)
            {
                return;
            }

            Assert.True(consumed > 0, $"{status} consumed nothing");
            if (status == DecodeStatus.Done)
            {
                _ = ModeSDecoder.TryDecode(frame.Data, out _, out _);
            }
            else
            {
                Assert.NotEqual(AdsbErrorCode.None, error.Code);
                Assert.InRange(error.Offset, 0, input.Length);
                Assert.False(string.IsNullOrEmpty(error.Message));
            }

            input = input[consumed..];
        }
    }

    // House style §5: a cheap allocation guard; BenchmarkDotNet's MemoryDiagnoser gives the full figure.
    [Fact]
    public void FramingDecodingAndStateUpdate_AllocateNothingPerFrame()
    {
        var table = new AircraftStateTable(new AircraftStateOptions());
        var sink = 0L;
        for (var i = 0; i < 20; i++)
        {
            sink += Pass(table, i);
        }

        // 20 passes of 277 frames per round: one allocating call per frame would show in every round.
        var allocated = Allocations.LeastPerRound(() =>
        {
            for (var i = 0; i < 20; i++)
            {
                sink += Pass(table, i);
            }
        });
        Assert.Equal(0, allocated);
        Assert.True(sink > 0);
    }

    private static long Pass(AircraftStateTable table, int pass)
    {
        var input = Modes1.AsSpan();
        long positions = 0;
        while (BeastFramer.TryReadFrame(input, out var frame, out var consumed, out _) == DecodeStatus.Done)
        {
            input = input[consumed..];
            if (ModeSDecoder.TryDecode(frame.Data, out var message, out _) == DecodeStatus.Done)
            {
                var update = table.Apply(message, Timestamp.FromUnixSeconds((pass * 100) + (frame.Timestamp12MHz / 12e6)));
                positions += update.HasPosition ? 1 : 0;
            }
        }

        return positions;
    }
}

using Vigia.Testing;

namespace Vigia.Protocols.RemoteId.Tests;

/// <summary>Property tests (seeded): random and mutated bytes never throw and never read out of bounds; decoding allocates nothing.</summary>
public sealed partial class RemoteIdDecoderTests
{
    [Fact]
    public void RandomAndMutatedBytes_NeverThrow_AndAlwaysGiveADefinedStatus()
    {
        var random = new Random(20240611);
        var seeds = Vectors.Of("message_pack").Concat(Vectors.Of("location")).Concat(Vectors.Of("auth")).Select(r => r.Hex()).ToArray();
        Span<RemoteIdMessage> destination = new RemoteIdMessage[RemoteIdPackMessages.Capacity];
        var buffer = new byte[RemoteIdMessagePack.MaxSize + 8];
        for (var i = 0; i < 200_000; i++)
        {
            int length;
            if (i % 2 == 0)
            {
                length = random.Next(0, buffer.Length);
                random.NextBytes(buffer.AsSpan(0, length));
                if (i % 4 == 0 && length > 3)
                {
                    buffer[0] = (byte)(0xF0 | (buffer[0] & 0x0F));
                    buffer[1] = RemoteIdMessage.Size;
                    buffer[2] = (byte)random.Next(0, 11);
                }
            }
            else
            {
                var seed = seeds[random.Next(seeds.Length)];
                length = Math.Min(buffer.Length, Math.Max(0, seed.Length + random.Next(-30, 5)));
                seed.AsSpan(0, Math.Min(seed.Length, length)).CopyTo(buffer);
                for (var flips = random.Next(1, 6); flips > 0 && length > 0; flips--)
                {
                    buffer[random.Next(length)] ^= (byte)(1 << random.Next(8));
                }
            }

            // Exact-length copies: any read past the end would throw IndexOutOfRangeException.
            var input = buffer.AsSpan(0, length).ToArray();
            var single = RemoteIdDecoder.TryDecodeMessage(input, out var message, out _);
            var pack = RemoteIdDecoder.TryDecodePack(input, destination, out var info, out _);
            Assert.True(Enum.IsDefined(single) && Enum.IsDefined(pack));
            Assert.True(info.Count <= RemoteIdPackMessages.Capacity);
            if (single == DecodeStatus.Done)
            {
                Assert.True(RemoteIdEncoder.TryEncode(message, new byte[RemoteIdMessage.Size], out _, out _) || message.MessageType == RemoteIdMessageType.Location || message.MessageType == RemoteIdMessageType.System);
            }
        }
    }

    // House style §5: a cheap allocation guard; BenchmarkDotNet's MemoryDiagnoser gives the full figure.
    [Fact]
    public void DecodingAGoldenMessageOrPack_AllocatesZeroBytesAfterWarmUp()
    {
        var location = Vectors.Of("location").First().Hex();
        var packBytes = Vectors.Of("message_pack").Last().Hex();
        var sink = 0;
        for (var i = 0; i < 1000; i++)
        {
            sink = unchecked(sink + Decode(location, packBytes));
        }

        // 10 000 decodes per round: one allocating call per decode would read >= 240 kB in every round.
        var allocated = Allocations.LeastPerRound(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                sink = unchecked(sink + Decode(location, packBytes));
            }
        });
        Assert.Equal(0, allocated);
        Assert.NotEqual(0, sink);
    }

    private static int Decode(byte[] location, byte[] packBytes)
    {
        _ = RemoteIdDecoder.TryDecodeMessage(location, out var message, out _);
        _ = RemoteIdDecoder.TryDecodePack(packBytes, out var pack, out _);
        var uas = RemoteIdUasData.FromMessages(pack.Messages);
        return message.Location.RawLatitude + pack.Count + (uas.LocationValid ? 1 : 0);
    }
}

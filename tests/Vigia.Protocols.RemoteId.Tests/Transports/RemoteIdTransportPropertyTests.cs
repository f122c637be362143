using Vigia.Protocols.RemoteId.Transports;

namespace Vigia.Protocols.RemoteId.Tests.Transports;

/// <summary>
/// Property tests with a seeded generator: random bytes, and every vector frame mutated and cut,
/// never throw and never report offsets outside the input.
/// </summary>
public sealed class RemoteIdTransportPropertyTests
{
    private static void ExtractEverywhere(ReadOnlySpan<byte> input)
    {
        foreach (var kind in Enum.GetValues<TransportKind>())
        {
            Check(input, RemoteIdTransport.TryExtract(input, kind, out var p, out var e), p, e);
        }

        Check(input, RemoteIdTransport.TryExtractWifi(input, includesFcs: false, out var p1, out var e1), p1, e1);
        Check(input, RemoteIdTransport.TryExtractWifi(input, includesFcs: true, out var p2, out var e2), p2, e2);
        Check(input, RemoteIdTransport.TryExtractRadiotap(input, out var p3, out var e3), p3, e3);
        Check(input, RemoteIdTransport.TryExtractBluetoothAdvertisingData(input, out var p4, out var e4), p4, e4);
        Check(input, RemoteIdTransport.TryExtractAdvertisingPdu(input, out var p5, out var e5), p5, e5);
    }

    private static void Check(ReadOnlySpan<byte> input, TransportStatus status, RemoteIdPayload payload, TransportError error)
    {
        if (status == TransportStatus.Done)
        {
            Assert.InRange(payload.Offset, 0, input.Length - 1);
            Assert.InRange(payload.Length, 1, input.Length - payload.Offset);
            _ = payload.Slice(input);
        }
        else if (status != TransportStatus.NoPayload)
        {
            Assert.InRange(error.Offset, 0, input.Length);
            Assert.NotEqual(TransportErrorCode.None, error.Code);
            Assert.False(string.IsNullOrEmpty(error.Message));
        }
    }

    [Fact]
    public void RandomBytesOfEveryLengthUpTo400_NeverThrowAndStayInBounds()
    {
        var random = new Random(20240611);
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            ExtractEverywhere(bytes);
        }
    }

    [Fact]
    public void EveryVectorFrameMutatedAndCut_NeverThrowsAndStaysInBounds()
    {
        var random = new Random(7);
        var frames = new[] { "wifi_beacon", "wifi_nan_action", "wifi_nan_sync_beacon", "bt4_legacy_adv", "bt5_ext_adv" }
            .SelectMany(Vectors.Of)
            .Select(r => r.Hex())
            .ToList();

        foreach (var frame in frames)
        {
            for (var cut = 0; cut <= frame.Length; cut++)
            {
                ExtractEverywhere(frame.AsSpan(0, cut));
            }

            for (var i = 0; i < 300; i++)
            {
                var mutated = (byte[])frame.Clone();
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
                }

                ExtractEverywhere(mutated);
            }
        }
    }
}

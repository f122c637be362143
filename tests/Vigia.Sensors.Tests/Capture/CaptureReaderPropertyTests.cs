using Vigia.Protocols.RemoteId.Transports;
using Vigia.Sensors.Capture;
using Vigia.Testing;

namespace Vigia.Sensors.Tests.Capture;

/// <summary>
/// Property tests with a seeded generator: every shared capture cut at any byte, or with random bytes
/// overwritten, never throws; records before the fault are those of the intact file; errors point inside it.
/// </summary>
public sealed class CaptureReaderPropertyTests
{
    public static TheoryData<string, int> Files => new()
    {
        { "odid_wifi_sample.pcap", 1 },
        { "odid_wifi_bcn_sample.pcap", 1 },
        { "odid_bt5_lr_sample.pcapng", 7 },
    };

    private static (List<string> Records, CaptureReadStatus Status, CaptureError Error) Read(byte[] bytes)
    {
        var records = new List<string>();
        using var reader = CaptureReader.TryOpen(new MemoryStream(bytes), leaveOpen: false, out var openError);
        if (reader is null)
        {
            return (records, CaptureReadStatus.Error, openError);
        }

        CaptureReadStatus status;
        while ((status = reader.ReadNext(out var record)) == CaptureReadStatus.Record)
        {
            _ = CaptureFrameExtractor.TryExtract(record.Data, record.LinkType, out var payload, out _);
            records.Add(Convert.ToHexString(record.Data) + payload.Offset);
        }

        return (records, status, reader.Error);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ACaptureCutAtAnyByte_KeepsEveryWholeRecordBeforeTheCutAndReportsTheCutInsideTheFile(string file, int step)
    {
        var bytes = File.ReadAllBytes(TestPaths.SharedData("remoteid", file));
        var intact = Read(bytes).Records;

        for (var cut = 0; cut < bytes.Length; cut += step)
        {
            var (records, status, error) = Read(bytes[..cut]);

            Assert.Equal(intact.Take(records.Count), records);
            if (status == CaptureReadStatus.Error)
            {
                Assert.Equal(CaptureErrorCode.Truncated, error.Code);
                Assert.InRange(error.Offset, 0, cut);
            }
            else
            {
                Assert.Equal(CaptureReadStatus.EndOfFile, status); // the cut fell on a record boundary
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ACaptureWithRandomBytesOverwritten_NeverThrowsAndReportsErrorsInsideTheFile(string file, int step)
    {
        var bytes = File.ReadAllBytes(TestPaths.SharedData("remoteid", file));
        var random = new Random(4242 + step);
        for (var i = 0; i < 400; i++)
        {
            var mutated = (byte[])bytes.Clone();
            for (var flips = random.Next(1, 6); flips > 0; flips--)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            var (_, status, error) = Read(mutated);
            if (status == CaptureReadStatus.Error)
            {
                Assert.NotEqual(CaptureErrorCode.None, error.Code);
                Assert.InRange(error.Offset, 0, mutated.Length);
            }
        }
    }

    [Fact]
    public void RandomBytesAfterAValidMagic_NeverThrow()
    {
        var random = new Random(99);
        byte[][] magics = [[0xD4, 0xC3, 0xB2, 0xA1], [0xA1, 0xB2, 0x3C, 0x4D], [0x0A, 0x0D, 0x0D, 0x0A]];
        for (var i = 0; i < 3000; i++)
        {
            var body = new byte[random.Next(0, 300)];
            random.NextBytes(body);
            _ = Read([.. magics[i % 3], .. body]);
        }
    }

    [Fact]
    public void RandomRecordDataOfEveryCaptureLinkType_NeverThrowsThroughTheExtractor()
    {
        var random = new Random(5);
        for (var i = 0; i < 20_000; i++)
        {
            var data = new byte[random.Next(0, 300)];
            random.NextBytes(data);
            foreach (var link in Enum.GetValues<CaptureLinkType>())
            {
                var status = CaptureFrameExtractor.TryExtract(data, link, out var payload, out var error);
                if (status == TransportStatus.Done)
                {
                    Assert.InRange(payload.Offset + payload.Length, 1, data.Length);
                }
                else if (status != TransportStatus.NoPayload)
                {
                    Assert.InRange(error.Offset, 0, data.Length);
                }
            }
        }
    }
}

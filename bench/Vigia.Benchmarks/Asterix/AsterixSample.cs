using System.Buffers.Binary;
using Vigia.Sensors.Capture;

namespace Vigia.Benchmarks.Asterix;

/// <summary>
/// The UDP payloads of the shared radar capture <c>cat_034_048.pcap</c> (shared/data/radar, SOURCES.md), read with the
/// project's <see cref="CaptureReader"/> and stripped of Ethernet, IPv4 and UDP headers.
/// </summary>
internal static class AsterixSample
{
    /// <summary>Environment variable naming the shared folder (as the tests use it); otherwise found upwards.</summary>
    public const string SharedVariable = "VIGIA_SHARED";

    private const string RadarFolder = "data/radar";

    public static IReadOnlyList<byte[]> Datagrams(string file)
    {
        var path = Path.Combine(FindRadarFolder(), file);
        using var stream = File.OpenRead(path);
        using var reader = CaptureReader.TryOpen(stream, leaveOpen: false, out var error)
            ?? throw new InvalidOperationException($"{path}: {error}");
        var datagrams = new List<byte[]>();
        while (reader.ReadNext(out var record) == CaptureReadStatus.Record)
        {
            if (TryUdpPayload(record.Data, out var payload))
            {
                datagrams.Add(payload.ToArray());
            }
        }

        return datagrams;
    }

    private static bool TryUdpPayload(ReadOnlySpan<byte> frame, out ReadOnlySpan<byte> payload)
    {
        payload = default;
        if (frame.Length < 42 || BinaryPrimitives.ReadUInt16BigEndian(frame[12..]) != 0x0800 || frame[23] != 17)
        {
            return false;
        }

        var udp = 14 + ((frame[14] & 0x0F) * 4);
        var length = BinaryPrimitives.ReadUInt16BigEndian(frame[(udp + 4)..]) - 8;
        payload = frame.Slice(udp + 8, length);
        return true;
    }

    private static string FindRadarFolder()
    {
        var shared = Environment.GetEnvironmentVariable(SharedVariable);
        if (!string.IsNullOrEmpty(shared) && Directory.Exists(Path.Combine(shared, RadarFolder)))
        {
            return Path.Combine(shared, RadarFolder);
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", RadarFolder);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"shared/{RadarFolder} not found; set {SharedVariable}");
    }
}

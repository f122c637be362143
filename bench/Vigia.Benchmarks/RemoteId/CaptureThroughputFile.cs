using System.Buffers.Binary;
using Vigia.Protocols.RemoteId.Transports;
using Vigia.Sensors.Capture;

namespace Vigia.Benchmarks.RemoteId;

/// <summary>
/// Builds the synthetic capture for <see cref="CaptureThroughputBenchmarks"/>: a classic pcap (microsecond,
/// radiotap + 802.11, link type 127) that repeats the Remote ID frames of the shared
/// <c>odid_wifi_bcn_sample.pcap</c> and <c>odid_wifi_sample.pcap</c> (read with the project's own
/// <see cref="CaptureReader"/>) until the next record would pass the size limit.
/// </summary>
/// <remarks>
/// The two samples are merged by their time since each sample's first record, so both aircraft fly
/// at once; each repetition (cycle) is shifted by the longer sample's length plus 100 ms, so record
/// timestamps only increase. The layout is deterministic: the same limit always gives the same bytes,
/// which lets the throughput columns recompute the size and record count in the host process.
/// </remarks>
internal static class CaptureThroughputFile
{
    /// <summary>Environment variable naming the folder that holds the shared Remote ID captures.</summary>
    public const string DataFolderVariable = "VIGIA_REMOTEID_DATA";

    private const string DataFolder = "shared/data/remoteid";
    private const int GlobalHeaderSize = 24;
    private const int RecordHeaderSize = 16;
    private const long NanosecondsPerMicrosecond = 1000;
    private const long GapBetweenCyclesNanoseconds = 100_000_000;

    private static readonly string[] Samples = ["odid_wifi_bcn_sample.pcap", "odid_wifi_sample.pcap"];

    /// <summary>The folder of the shared Remote ID captures: <see cref="DataFolderVariable"/>, else found upwards from the working or program folder.</summary>
    public static string? FindDataFolder()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(DataFolderVariable);
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, DataFolder), Path.Combine(dir.FullName, "..", DataFolder) })
                {
                    if (File.Exists(Path.Combine(candidate, Samples[0])))
                    {
                        return Path.GetFullPath(candidate);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Writes the capture to <paramref name="destination"/>: whole records only, at most <paramref name="maxBytes"/> bytes in all.</summary>
    /// <returns>Bytes written and records written.</returns>
    public static (long Bytes, long Records) Write(Stream destination, long maxBytes, string dataFolder)
    {
        var (frames, start) = LoadRemoteIdFrames(dataFolder);
        var period = frames[^1].RelativeNanoseconds + GapBetweenCyclesNanoseconds;

        Span<byte> header = stackalloc byte[GlobalHeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], CaptureReader.MaximumPacketLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], (uint)CaptureLinkType.Ieee80211Radiotap);
        destination.Write(header);

        long bytes = GlobalHeaderSize, records = 0;
        Span<byte> recordHeader = stackalloc byte[RecordHeaderSize];
        for (long cycle = 0; ; cycle++)
        {
            foreach (var frame in frames)
            {
                if (bytes + RecordHeaderSize + frame.Data.Length > maxBytes)
                {
                    return (bytes, records);
                }

                var microseconds = (start + (cycle * period) + frame.RelativeNanoseconds) / NanosecondsPerMicrosecond;
                BinaryPrimitives.WriteUInt32LittleEndian(recordHeader, (uint)(microseconds / 1_000_000));
                BinaryPrimitives.WriteUInt32LittleEndian(recordHeader[4..], (uint)(microseconds % 1_000_000));
                BinaryPrimitives.WriteInt32LittleEndian(recordHeader[8..], frame.Data.Length);
                BinaryPrimitives.WriteInt32LittleEndian(recordHeader[12..], frame.OriginalLength);
                destination.Write(recordHeader);
                destination.Write(frame.Data);
                bytes += RecordHeaderSize + frame.Data.Length;
                records++;
            }
        }
    }

    /// <summary>The size and record count <see cref="Write"/> gives for <paramref name="maxBytes"/> (written to <see cref="Stream.Null"/>).</summary>
    public static (long Bytes, long Records) Plan(long maxBytes, string dataFolder) => Write(Stream.Null, maxBytes, dataFolder);

    /// <summary>The Remote ID frames of both samples merged by time since each sample's first record, and the first sample's start.</summary>
    private static (List<SampleFrame> Frames, long StartNanoseconds) LoadRemoteIdFrames(string dataFolder)
    {
        var frames = new List<SampleFrame>();
        long? start = null;
        foreach (var name in Samples)
        {
            var path = Path.Combine(dataFolder, name);
            using var reader = CaptureReader.TryOpen(File.OpenRead(path), leaveOpen: false, out var error)
                ?? throw new InvalidDataException($"{name}: byte {error.Offset}: {error.Field}: {error.Message}");
            long? first = null;
            while (reader.ReadNext(out var record) == CaptureReadStatus.Record)
            {
                first ??= record.Timestamp.UnixNanoseconds;
                start ??= first;

                var status = CaptureFrameExtractor.TryExtract(record.Data, record.LinkType, out _, out _);
                if (status is TransportStatus.NoPayload or TransportStatus.NotRemoteId)
                {
                    continue;
                }

                frames.Add(new SampleFrame(record.Data.ToArray(), (int)record.OriginalLength, record.Timestamp.UnixNanoseconds - first.Value));
            }

            if (reader.IsFaulted)
            {
                throw new InvalidDataException($"{name}: byte {reader.Error.Offset}: {reader.Error.Field}: {reader.Error.Message}");
            }
        }

        // OrderBy is a stable sort: frames at the same relative time keep their sample order.
        return (frames.OrderBy(f => f.RelativeNanoseconds).ToList(), start ?? 0);
    }

    private readonly record struct SampleFrame(byte[] Data, int OriginalLength, long RelativeNanoseconds);
}

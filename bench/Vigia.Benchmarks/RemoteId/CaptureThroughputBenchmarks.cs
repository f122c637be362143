using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Vigia.Core.Time;
using Vigia.Protocols.RemoteId;
using Vigia.Protocols.RemoteId.Transports;
using Vigia.Sensors.Capture;
using Vigia.Sensors.RemoteId;

namespace Vigia.Benchmarks.RemoteId;

/// <summary>
/// Capture decoding throughput (issue target: a 100 MB pcap decoded at ≥ 100 MB/s with flat memory) over a
/// synthetic pcap of <see cref="SizeMB"/> × 10⁶ bytes built in [GlobalSetup] from the shared Wi-Fi Remote ID
/// captures (<see cref="CaptureThroughputFile"/>): (a) the managed reader alone, (b) reader + transport extraction
/// + message / pack decoding (what <c>vigia decode</c> does per frame, without output), (c) (b) + the
/// per-aircraft <see cref="RemoteIdAssembler"/>. One operation is one pass over the whole file: "Mean" and
/// "Allocated" are per pass; the MB/s and records/s columns divide the file's size and record count by the Mean.
/// </summary>
/// <remarks>
/// The file is written just before it is read, so it is in the page cache: these are CPU figures, not disk
/// figures. Flat memory: BenchmarkDotNet runs each <see cref="SizeMB"/> in its own process, and
/// [GlobalCleanup] makes one more pass sampling the GC heap, then prints a "flat-memory" line (peak GC heap
/// during the pass, peak working set of the process, bytes allocated per frame) to compare 10 MB with 100 MB.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(CaptureThroughputConfig))]
public class CaptureThroughputBenchmarks
{
    private const int SampleEveryRecords = 4096;

    private string _path = "";

    /// <summary>File size limit, millions of bytes (whole records only, so a few hundred bytes less).</summary>
    [Params(10, 100)]
    public int SizeMB { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var dataFolder = CaptureThroughputFile.FindDataFolder()
            ?? throw new InvalidOperationException($"shared/data/remoteid not found; set {CaptureThroughputFile.DataFolderVariable}");
        _path = Path.Combine(Path.GetTempPath(), $"vigia-capture-throughput-{Environment.ProcessId}-{SizeMB}MB.pcap");
        using var file = new FileStream(_path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        var (bytes, records) = CaptureThroughputFile.Write(file, SizeMB * 1_000_000L, dataFolder);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// capture: {bytes:N0} bytes, {records:N0} records"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try
        {
            ReportMemory();
        }
        finally
        {
            File.Delete(_path);
        }
    }

    /// <summary>(a) The managed pcap reader alone: every record read, its bytes summed.</summary>
    [Benchmark]
    public long Reader()
    {
        using var reader = Open();
        long bytes = 0;
        while (reader.ReadNext(out var record) == CaptureReadStatus.Record)
        {
            bytes += record.Data.Length;
        }

        return bytes;
    }

    /// <summary>(b) Reader + transport extraction + message / pack decoding, no output.</summary>
    [Benchmark]
    public long Decode()
    {
        using var reader = Open();
        long messages = 0;
        while (reader.ReadNext(out var record) == CaptureReadStatus.Record)
        {
            messages += DecodeFrame(record, null);
        }

        return messages;
    }

    /// <summary>(c) (b) + the per-aircraft assembler (a fresh one per pass, as <c>vigia decode</c> builds one per file).</summary>
    [Benchmark]
    public long DecodeAndAssemble()
    {
        using var reader = Open();
        var assembler = new RemoteIdAssembler();
        long messages = 0;
        while (reader.ReadNext(out var record) == CaptureReadStatus.Record)
        {
            messages += DecodeFrame(record, assembler);
        }

        return messages;
    }

    /// <summary>Decodes one record as <c>vigia decode</c> does; returns the messages decoded.</summary>
    private static int DecodeFrame(CaptureRecord record, RemoteIdAssembler? assembler)
    {
        var frame = record.Data;
        if (CaptureFrameExtractor.TryExtract(frame, record.LinkType, out var payload, out _) != TransportStatus.Done)
        {
            return 0;
        }

        var bytes = payload.Slice(frame);
        var time = record.HasTimestamp ? record.Timestamp : Timestamp.UnixEpoch;
        if (payload.Format == PayloadFormat.MessagePack)
        {
            if (RemoteIdDecoder.TryDecodePack(bytes, out var pack, out _) != DecodeStatus.Done)
            {
                return 0;
            }

            assembler?.Apply(payload.Sender, time, pack.Messages);
            return pack.Count;
        }

        if (RemoteIdDecoder.TryDecodeMessage(bytes, out var message, out _) != DecodeStatus.Done)
        {
            return 0;
        }

        assembler?.Apply(payload.Sender, time, new ReadOnlySpan<RemoteIdMessage>(in message));
        return 1;
    }

    private CaptureReader Open() =>
        CaptureReader.TryOpen(File.OpenRead(_path), leaveOpen: false, out var error)
            ?? throw new InvalidDataException($"byte {error.Offset}: {error.Field}: {error.Message}");

    /// <summary>One more pass of the pipeline with the assembler, sampling the GC heap every few thousand records.</summary>
    private void ReportMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(false);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        long peakHeap = heapBefore, records = 0, frames = 0;

        using (var reader = Open())
        {
            var assembler = new RemoteIdAssembler();
            while (reader.ReadNext(out var record) == CaptureReadStatus.Record)
            {
                frames += DecodeFrame(record, assembler) > 0 ? 1 : 0;
                if (++records % SampleEveryRecords == 0)
                {
                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                }
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// flat-memory SizeMB={SizeMB}: records {records:N0}, decoded frames {frames:N0}; GC heap before {heapBefore / 1024.0:N0} KiB, peak during pass {peakHeap / 1024.0:N0} KiB, after last GC {info.HeapSizeBytes / 1024.0:N0} KiB; allocated {allocated:N0} B = {(double)allocated / Math.Max(frames, 1):F1} B/frame; GCs gen0 {GC.CollectionCount(0) - gen0}, gen2 {GC.CollectionCount(2) - gen2}; peak working set {process.PeakWorkingSet64 / 1048576.0:F1} MiB"));
    }
}

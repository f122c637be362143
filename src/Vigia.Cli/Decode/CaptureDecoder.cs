using Vigia.Core.Time;
using Vigia.Protocols.RemoteId.Transports;
using Vigia.Sensors.Capture;
using Vigia.Sensors.RemoteId;

namespace Vigia.Cli.Decode;

/// <summary>
/// Decodes every frame of a pcap or pcapng capture, read by the managed reader or by libpcap, or of a
/// live monitor-mode interface through libpcap (802.11 with or without radiotap, nRF Sniffer and
/// LE link-layer Bluetooth): one loop over <see cref="ICaptureRecordSource"/> for all of them; transport extraction, the sniffer's CRC flag honoured (bad-CRC frames are
/// skipped and counted), message decoding, and per-aircraft assembly to count the drones seen.
/// Writes one line per Remote ID frame (a table, or JSON Lines) and fills a <see cref="CaptureDecodeSummary"/>.
/// </summary>
internal static class CaptureDecoder
{
    /// <summary>Unexpected decode exceptions reported one by one before they are only counted.</summary>
    private const int InternalErrorsReported = 10;

    /// <summary>How often (in frames) aircraft not heard for a while are forgotten.</summary>
    private const int PruneEveryFrames = 4096;

    /// <summary>Opens a capture file with the managed reader; a file that is not a capture is a usage error (with the byte offset).</summary>
    public static ICaptureRecordSource OpenFile(string path)
    {
        var stream = File.OpenRead(path);
        var reader = CaptureReader.TryOpen(stream, leaveOpen: false, out var openError)
            ?? throw new UsageException($"{path}: byte {openError.Offset}: {openError.Field}: {openError.Message}");
        return new ManagedCaptureSource(reader, path);
    }

    /// <summary>
    /// Reads records from <paramref name="source"/> until it ends or fails, <paramref name="maxFrames"/> have been
    /// read, or <paramref name="cancellation"/> fires (which also wakes a blocked live read), decoding each one.
    /// </summary>
    /// <param name="source">Where the records come from; the same loop serves files and live interfaces.</param>
    /// <param name="output">The table or the JSON Lines.</param>
    /// <param name="diagnostics">Where a frame that made the decoder throw (a bug) is reported.</param>
    /// <param name="jsonLines">JSON Lines instead of the table.</param>
    /// <param name="maxFrames">Stop after this many frames (<see cref="long.MaxValue"/>: no limit).</param>
    /// <param name="cancellation">Stops the loop cleanly; the summary covers the frames read so far.</param>
    public static CaptureDecodeSummary Run(ICaptureRecordSource source, TextWriter output, TextWriter diagnostics, bool jsonLines, long maxFrames = long.MaxValue, CancellationToken cancellation = default) =>
        RunWith(source, output, jsonLines ? FrameOutputMode.JsonLines : FrameOutputMode.Table, diagnostics, maxFrames, cancellation);

    /// <summary>As above, with the per-frame output mode chosen (table, JSON Lines or none).</summary>
    public static CaptureDecodeSummary RunWith(ICaptureRecordSource source, TextWriter output, FrameOutputMode mode, TextWriter diagnostics, long maxFrames = long.MaxValue, CancellationToken cancellation = default)
    {
        using var frames = new FrameOutput(output, mode);
        return Run(source, frames, diagnostics, maxFrames, cancellation);
    }

    private static CaptureDecodeSummary Run(ICaptureRecordSource source, FrameOutput output, TextWriter diagnostics, long maxFrames = long.MaxValue, CancellationToken cancellation = default)
    {
        using var wake = cancellation.Register(source.Stop);
        var summary = new CaptureDecodeSummary();
        var assembler = new RemoteIdAssembler();
        output.WriteHeader();

        while (summary.FramesRead < maxFrames && !cancellation.IsCancellationRequested)
        {
            var status = source.ReadNext(out var record);
            if (status == RecordSourceStatus.Idle)
            {
                continue;
            }

            if (status == RecordSourceStatus.End)
            {
                break;
            }

            if (status == RecordSourceStatus.Error)
            {
                summary.ReadError = source.Error;
                break;
            }

            summary.FramesRead++;

            // Containment at the adapter boundary (house style §4.5): a frame that makes the decoder throw is a bug;
            // it is counted, reported with its first bytes, and dropped, and the capture goes on.
            try
            {
                DecodeFrame(record, summary, assembler, output);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                summary.InternalErrors++;
                if (summary.InternalErrors <= InternalErrorsReported)
                {
                    var head = Convert.ToHexString(record.Data[..Math.Min(record.Data.Length, 32)]);
                    diagnostics.WriteLine($"frame {summary.FramesRead}: internal error, frame dropped: {e.GetType().Name}: {e.Message} (first bytes {head})");
                }
            }

            // Forget aircraft long unheard, so a live capture's memory stays bounded (counts are kept).
            if (summary.FramesRead % PruneEveryFrames == 0 && record.HasTimestamp)
            {
                assembler.Prune(record.Timestamp);
            }
        }

        summary.DronesWithoutBasicId = (int)(assembler.Unidentified + assembler.UnidentifiedForgotten);
        summary.DronesSeen = (int)(assembler.IdentifiedSeen + assembler.Unidentified + assembler.UnidentifiedForgotten);
        return summary;
    }

    private static void DecodeFrame(CaptureRecord record, CaptureDecodeSummary summary, RemoteIdAssembler assembler, FrameOutput output)
    {
        var frame = record.Data;
        var status = CaptureFrameExtractor.TryExtract(frame, record.LinkType, out var payload, out var transportError);
        if (status is TransportStatus.NoPayload or TransportStatus.NotRemoteId)
        {
            return;
        }

        if (status == TransportStatus.InvalidData && transportError.Code == TransportErrorCode.BadCrc)
        {
            summary.CrcFailedSkipped++;
            output.Failure(summary.FramesRead, record, payload, "crc-fail", transportError, "skipped: the sniffer reports a bad CRC");
            return;
        }

        summary.RemoteIdFrames++;
        if (status != TransportStatus.Done)
        {
            summary.Reject(transportError.Code.ToString());
            output.Failure(summary.FramesRead, record, payload, "rejected", transportError, null);
            return;
        }

        var decoded = DecodedPayload.From(payload.Slice(frame), payload.Format);
        if (!decoded.Ok)
        {
            summary.Reject(decoded.Error.Code.ToString());
            output.Decoded(summary.FramesRead, record, payload, ref decoded, null);
            return;
        }

        summary.Decoded++;
        var picture = assembler.Apply(payload.Sender, record.HasTimestamp ? record.Timestamp : Timestamp.UnixEpoch, decoded.Messages);
        output.Decoded(summary.FramesRead, record, payload, ref decoded, picture);
    }
}

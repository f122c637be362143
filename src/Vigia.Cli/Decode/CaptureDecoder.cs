using System.Globalization;
using System.Text.Json;
using Vigia.Core.Time;
using Vigia.Protocols.RemoteId;
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
    public static CaptureDecodeSummary Run(ICaptureRecordSource source, TextWriter output, TextWriter diagnostics, bool jsonLines, long maxFrames = long.MaxValue, CancellationToken cancellation = default)
    {
        using var wake = cancellation.Register(source.Stop);
        var summary = new CaptureDecodeSummary();
        var assembler = new RemoteIdAssembler();
        using var json = new MemoryStream();
        if (!jsonLines)
        {
            output.WriteLine($"{"frame",6}  {"time (UTC)",-26}  {"transport",-11}  {"sender",-17}  {"result",-9}  details");
        }

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
                DecodeFrame(record, summary, assembler, output, jsonLines, json);
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
        }

        summary.DronesWithoutBasicId = assembler.Unidentified;
        summary.DronesSeen = assembler.Known.Count + assembler.Unidentified;
        return summary;
    }

    private static void DecodeFrame(CaptureRecord record, CaptureDecodeSummary summary, RemoteIdAssembler assembler, TextWriter output, bool jsonLines, MemoryStream json)
    {
        var frame = record.Data;
        var status = CaptureFrameExtractor.TryExtract(frame, record.LinkType, out var payload, out var transportError);
        if (status is TransportStatus.NoPayload or TransportStatus.NotRemoteId)
        {
            return;
        }

        var time = record.HasTimestamp ? record.Timestamp.ToString() : "-";
        if (status == TransportStatus.InvalidData && transportError.Code == TransportErrorCode.BadCrc)
        {
            summary.CrcFailedSkipped++;
            Line(output, jsonLines, json, summary.FramesRead, time, payload, "crc-fail", "skipped: the sniffer reports a bad CRC", w => DecodedPayload.WriteFailure(w, nameof(TransportErrorCode.BadCrc), transportError.Offset, transportError.Field, transportError.Message));
            return;
        }

        summary.RemoteIdFrames++;
        if (status != TransportStatus.Done)
        {
            summary.Reject(transportError.Code.ToString());
            Line(output, jsonLines, json, summary.FramesRead, time, payload, "rejected", $"{transportError.Code} at byte {transportError.Offset} ({transportError.Field})", w => DecodedPayload.WriteFailure(w, transportError.Code.ToString(), transportError.Offset, transportError.Field, transportError.Message));
            return;
        }

        var decoded = DecodedPayload.From(payload.Slice(frame), payload.Format);
        if (!decoded.Ok)
        {
            summary.Reject(decoded.Error.Code.ToString());
            Line(output, jsonLines, json, summary.FramesRead, time, payload, "rejected", $"{decoded.Error.Code} at byte {decoded.Error.Offset} ({decoded.Error.Field})", w => decoded.Write(w));
            return;
        }

        summary.Decoded++;
        var picture = assembler.Apply(payload.Sender, record.HasTimestamp ? record.Timestamp : Timestamp.UnixEpoch, decoded.Messages);
        Line(output, jsonLines, json, summary.FramesRead, time, payload, "decoded", Details(decoded.Messages, picture), w => decoded.Write(w));
    }

    private static string Details(ReadOnlySpan<RemoteIdMessage> messages, UasPicture picture)
    {
        var types = new List<string>();
        foreach (var message in messages)
        {
            types.Add(RemoteIdJson.TypeName(message.MessageType));
        }

        var id = picture.Key?.ToString() ?? "(no Basic ID yet)";
        var where = picture.Location is { } l
            ? string.Create(CultureInfo.InvariantCulture, $" at {l.LatitudeDegrees:F6}, {l.LongitudeDegrees:F6}, {l.AltitudeGeoMeters:F1} m")
            : "";
        return $"{id}{where} [{string.Join(' ', types)}]";
    }

    private static void Line(TextWriter output, bool jsonLines, MemoryStream json, long frame, string time, in RemoteIdPayload payload, string result, string details, Action<Utf8JsonWriter> writeResult)
    {
        var sender = payload.HasSender ? payload.Sender.ToString() : "-";
        if (!jsonLines)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{frame,6}  {time,-26}  {payload.Kind,-11}  {sender,-17}  {result,-9}  {details}"));
            return;
        }

        json.SetLength(0);
        using (var writer = new Utf8JsonWriter(json, Commands.DecodeCommand.JsonOutput))
        {
            writer.WriteStartObject();
            writer.WriteNumber("frame", frame);
            writer.WriteString("time", time);
            writer.WriteString("transport", payload.Kind.ToString());
            writer.WriteString("sender", sender);
            writer.WritePropertyName("result");
            writeResult(writer);
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(json.GetBuffer(), 0, (int)json.Length));
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigia.Protocols.RemoteId;
using Vigia.Protocols.RemoteId.Transports;
using Vigia.Sensors.Capture;
using Vigia.Sensors.RemoteId;

namespace Vigia.Cli.Decode;

/// <summary>How <c>vigia decode</c> reports each Remote ID frame.</summary>
internal enum FrameOutputMode
{
    /// <summary>A fixed-width table line per frame.</summary>
    Table,

    /// <summary>One JSON object per frame.</summary>
    JsonLines,

    /// <summary>Nothing per frame: only the summary.</summary>
    None,
}

/// <summary>
/// Writes the per-frame lines of <c>vigia decode</c>. One JSON writer and one byte buffer are reused for
/// every frame, so a long capture costs no per-frame buffers beyond the line text itself.
/// </summary>
internal sealed class FrameOutput(TextWriter output, FrameOutputMode mode) : IDisposable
{
    private readonly ArrayBufferWriter<byte> _json = new(1024);
    private Utf8JsonWriter? _writer;
    private char[] _chars = new char[1024];

    /// <inheritdoc />
    public void Dispose() => _writer?.Dispose();

    public void WriteHeader()
    {
        if (mode == FrameOutputMode.Table)
        {
            output.WriteLine($"{"frame",6}  {"time (UTC)",-26}  {"transport",-11}  {"sender",-17}  {"result",-9}  details");
        }
    }

    /// <summary>A frame the transport layer refused (or whose sniffer CRC failed).</summary>
    public void Failure(long frame, CaptureRecord record, in RemoteIdPayload payload, string result, in TransportError error, string? details)
    {
        switch (mode)
        {
            case FrameOutputMode.Table:
                TableLine(frame, record, payload, result, details ?? $"{error.Code} at byte {error.Offset} ({error.Field})");
                break;
            case FrameOutputMode.JsonLines:
                var writer = BeginJson(frame, record, payload);
                DecodedPayload.WriteFailure(writer, error.Code.ToString(), error.Offset, error.Field, error.Message);
                EndJson(writer);
                break;
        }
    }

    /// <summary>A frame whose payload reached the message layer (decoded, or refused there when <paramref name="picture"/> is null).</summary>
    public void Decoded(long frame, CaptureRecord record, in RemoteIdPayload payload, ref DecodedPayload decoded, UasPicture? picture)
    {
        switch (mode)
        {
            case FrameOutputMode.Table:
                var details = picture is null
                    ? $"{decoded.Error.Code} at byte {decoded.Error.Offset} ({decoded.Error.Field})"
                    : Details(decoded.Messages, picture);
                TableLine(frame, record, payload, picture is null ? "rejected" : "decoded", details);
                break;
            case FrameOutputMode.JsonLines:
                var writer = BeginJson(frame, record, payload);
                decoded.Write(writer);
                EndJson(writer);
                break;
        }
    }

    private void TableLine(long frame, CaptureRecord record, in RemoteIdPayload payload, string result, string details) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{frame,6}  {Time(record),-26}  {payload.Kind,-11}  {Sender(payload),-17}  {result,-9}  {details}"));

    private Utf8JsonWriter BeginJson(long frame, CaptureRecord record, in RemoteIdPayload payload)
    {
        _json.ResetWrittenCount();
        if (_writer is null)
        {
            _writer = new Utf8JsonWriter(_json, Commands.DecodeCommand.JsonOutput);
        }
        else
        {
            _writer.Reset(_json);
        }

        _writer.WriteStartObject();
        _writer.WriteNumber("frame", frame);
        _writer.WriteString("time", Time(record));
        _writer.WriteString("transport", payload.Kind.ToString());
        _writer.WriteString("sender", Sender(payload));
        _writer.WritePropertyName("result");
        return _writer;
    }

    private void EndJson(Utf8JsonWriter writer)
    {
        writer.WriteEndObject();
        writer.Flush();
        var bytes = _json.WrittenSpan;
        if (_chars.Length < bytes.Length)
        {
            _chars = new char[Math.Max(bytes.Length, _chars.Length * 2)];
        }

        var count = Encoding.UTF8.GetChars(bytes, _chars);
        output.Write(_chars, 0, count);
        output.WriteLine();
    }

    private static string Time(CaptureRecord record) => record.HasTimestamp ? record.Timestamp.ToString() : "-";

    private static string Sender(in RemoteIdPayload payload) => payload.HasSender ? payload.Sender.ToString() : "-";

    private static string Details(ReadOnlySpan<RemoteIdMessage> messages, UasPicture picture)
    {
        var text = new StringBuilder(96);
        text.Append(picture.Key?.ToString() ?? "(no Basic ID yet)");
        if (picture.Location is { } l)
        {
            text.Append(CultureInfo.InvariantCulture, $" at {l.LatitudeDegrees:F6}, {l.LongitudeDegrees:F6}, {l.AltitudeGeoMeters:F1} m");
        }

        text.Append(" [");
        for (var i = 0; i < messages.Length; i++)
        {
            text.Append(i == 0 ? "" : " ").Append(RemoteIdJson.TypeName(messages[i].MessageType));
        }

        return text.Append(']').ToString();
    }
}

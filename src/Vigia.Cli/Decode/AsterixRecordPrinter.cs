using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigia.Protocols.Asterix;
using Vigia.Protocols.Asterix.Cat021;
using Vigia.Protocols.Asterix.Cat034;
using Vigia.Protocols.Asterix.Cat048;
using Vigia.Protocols.Asterix.Cat062;
using Vigia.Protocols.Asterix.Cat065;
using Vigia.Sensors.Radar;

namespace Vigia.Cli.Decode;

/// <summary>
/// Writes one line per ASTERIX record and refusal of one datagram (<c>vigia decode --asterix</c>): the key items in
/// engineering units (NM, degrees, flight levels), as a table or JSON Lines, each record marked when it repeats one
/// heard within 2 s (a redundant network's copy).
/// </summary>
/// <remarks>Thread-safety: one datagram at a time.</remarks>
internal struct AsterixRecordPrinter(TextWriter output, FrameOutputMode mode, RecordDeduplicator duplicates, AsterixFileSummary summary, long packet, Vigia.Core.Time.Timestamp? captured)
    : IAsterixRecordHandler
{
    public readonly void OnCat048(in Cat048Record record)
    {
        var line = Start(48, record.DataSource, record.Bytes, record.TimeOfDay);
        line.Add(("track", record.TrackNumber));
        if (record.MeasuredPosition is { } polar)
        {
            line.Add(("rho_nm", polar.RangeNauticalMiles));
            line.Add(("theta_deg", polar.AzimuthDegrees));
        }

        line.Add(("fl", record.FlightLevel?.FlightLevel));
        line.Add(("mode3a", record.Mode3A?.ToString()));
        line.Add(("icao", record.AircraftAddress is { } icao ? icao.ToString("X6", CultureInfo.InvariantCulture) : null));
        line.Add(("callsign", record.AircraftIdentification?.ToString().TrimEnd()));
        Write(line);
    }

    public readonly void OnCat034(in Cat034Record record)
    {
        var line = Start(34, record.DataSource, record.Bytes, record.TimeOfDay);
        line.Add(("message", record.MessageType?.ToString()));
        line.Add(("sector_deg", record.SectorAzimuthDegrees));
        Write(line);
    }

    public readonly void OnCat062(in Cat062Record record)
    {
        var line = Start(62, record.DataSource, record.Bytes, record.TimeOfTrack);
        line.Add(("track", record.TrackNumber));
        if (record.Wgs84Position is { } position)
        {
            line.Add(("lat", position.LatitudeDegrees));
            line.Add(("lon", position.LongitudeDegrees));
        }

        line.Add(("mode3a", record.Mode3A?.ToString()));
        line.Add(("callsign", record.TargetIdentification?.Identification.ToString().TrimEnd()));
        Write(line);
    }

    public readonly void OnCat065(in Cat065Record record)
    {
        var line = Start(65, record.DataSource, record.Bytes, record.TimeOfMessage);
        line.Add(("message", record.MessageType?.ToString()));
        Write(line);
    }

    public readonly void OnCat021(in Cat021Record record)
    {
        var line = Start(21, record.DataSource, record.Bytes, record.TimeOfApplicabilityPosition);
        if ((record.HighResolutionPosition ?? record.Position) is { } position)
        {
            line.Add(("lat", position.LatitudeDegrees));
            line.Add(("lon", position.LongitudeDegrees));
        }

        line.Add(("fl", record.FlightLevel));
        line.Add(("icao", record.TargetAddress is { } icao ? icao.ToString("X6", CultureInfo.InvariantCulture) : null));
        Write(line);
    }

    public readonly void OnError(DecodeStatus status, in DecodeError error, byte category)
    {
        var kind = status == DecodeStatus.Unsupported ? "unsupported" : "malformed";
        summary.Refuse(kind, error.Code.ToString());
        Write([("packet", packet), ("cat", (int)category), ("status", kind), ("offset", error.Offset), ("item", error.Item), ("error", error.Message)]);
    }

    private readonly List<(string Key, object? Value)> Start(byte category, DataSourceIdentifier? source, ReadOnlySpan<byte> bytes, AsterixTimeOfDay? timeOfDay)
    {
        var duplicate = duplicates.IsDuplicate(category, bytes, captured ?? default);
        summary.Count(category, source, duplicate);
        return
        [
            ("packet", packet),
            ("time", captured?.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
            ("cat", (int)category),
            ("sac", source?.Sac),
            ("sic", source?.Sic),
            ("duplicate", duplicate),
            ("tod", timeOfDay?.ToTimeSpan().ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture)),
        ];
    }

    private readonly void Write(List<(string Key, object? Value)> fields)
    {
        if (mode == FrameOutputMode.None)
        {
            return;
        }

        output.WriteLine(mode == FrameOutputMode.JsonLines ? Json(fields) : Table(fields));
    }

    private static string Table(List<(string Key, object? Value)> fields)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in fields)
        {
            if (value is null or false)
            {
                continue;
            }

            text.Append(text.Length == 0 ? "" : "  ").Append(key);
            if (value is not true)
            {
                text.Append(' ').Append(Format(value));
            }
        }

        return text.ToString();
    }

    private static string Json(List<(string Key, object? Value)> fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Commands.DecodeCommand.JsonOutput))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in fields)
            {
                switch (value)
                {
                    case null:
                        continue;
                    case bool b:
                        writer.WriteBoolean(key, b);
                        break;
                    case string s:
                        writer.WriteString(key, s);
                        break;
                    case double d:
                        writer.WriteNumber(key, d);
                        break;
                    default:
                        writer.WriteNumber(key, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string Format(object value) => value switch
    {
        double d => d.ToString("0.######", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

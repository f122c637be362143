using System.Globalization;
using Vigia.Protocols.Asterix.Cat048;
using Vigia.Protocols.Asterix.Tests.Support;

namespace Vigia.Protocols.Asterix.Tests;

/// <summary>
/// CAT-048 against a second, independent decoder: Wireshark's ASTERIX dissector (tshark 4.0.17), one row per frame of
/// the redundant-network capture (shared/data/radar/reference/cat_034_048.pcap.tshark-fields-cat048.tsv, SOURCES.md).
/// </summary>
public sealed partial class Cat048DecoderTests
{
    /// <summary>What each tshark column reads from a record, in tshark's units (I200 ground speed in NM/s).</summary>
    private static readonly Dictionary<string, Func<byte[], double?>> TsharkColumns = new()
    {
        ["asterix.048_010_SAC"] = b => Cat048Decoder.Decode(b).DataSource?.Sac,
        ["asterix.048_010_SIC"] = b => Cat048Decoder.Decode(b).DataSource?.Sic,
        ["asterix.048_140_VALUE"] = b => Cat048Decoder.Decode(b).TimeOfDay?.TotalSeconds,
        ["asterix.048_020_TYP"] = b => (int?)Cat048Decoder.Decode(b).TargetReportDescriptor?.DetectionType,
        ["asterix.048_040_RHO"] = b => Cat048Decoder.Decode(b).MeasuredPosition?.RangeNauticalMiles,
        ["asterix.048_040_THETA"] = b => Cat048Decoder.Decode(b).MeasuredPosition?.AzimuthDegrees,
        ["asterix.048_090_FL"] = b => Cat048Decoder.Decode(b).FlightLevel?.FlightLevel,
        ["asterix.048_220_VALUE"] = b => Cat048Decoder.Decode(b).AircraftAddress,
        ["asterix.048_161_TRN"] = b => Cat048Decoder.Decode(b).TrackNumber,
        ["asterix.048_170_RAD"] = b => Cat048Decoder.Decode(b).TrackStatus?.SensorType,
        ["asterix.048_200_GSP"] = b => Cat048Decoder.Decode(b).TrackVelocity?.GroundSpeedNauticalMilesPerSecond,
        ["asterix.048_200_HDG"] = b => Cat048Decoder.Decode(b).TrackVelocity?.HeadingDegrees,
    };

    [Fact]
    public void RedundantCapture_EveryCat048Frame_MatchesWiresharksDissector()
    {
        var lines = File.ReadAllLines(Vigia.Testing.TestPaths.SharedData("radar", "reference", "cat_034_048.pcap.tshark-fields-cat048.tsv"));
        var header = lines[0].Split('\t');
        var datagrams = RadarData.Pcap("cat_034_048.pcap");
        int compared = 0, records = 0, negativeFlightLevels = 0;
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('\t');
            var frame = int.Parse(cells[0], CultureInfo.InvariantCulture);
            var plots = RecordCollector.Decode(datagrams[frame - 1].Payload).Records.Where(r => r.Category == 48).ToList();
            records += plots.Count;
            for (var c = 1; c < header.Length; c++)
            {
                var values = cells[c].Length == 0 ? [] : cells[c].Split(';');

                // A record without the item shifts tshark's column (SOURCES.md): compare only columns with one value per record.
                if (values.Length != plots.Count)
                {
                    Assert.True(values.Length < plots.Count, $"frame {frame} {header[c]}: more values than records");
                    continue;
                }

                for (var r = 0; r < plots.Count; r++)
                {
                    var expected = values[r].StartsWith("0x", StringComparison.Ordinal)
                        ? long.Parse(values[r][2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                        : double.Parse(values[r], CultureInfo.InvariantCulture);
                    var actual = TsharkColumns[header[c]](plots[r].Bytes);
                    if (header[c] == "asterix.048_090_FL" && actual < 0)
                    {
                        // I048/090 is 14-bit two's complement (the asterix tool agrees: FL -1); tshark 4.0 reads it
                        // unsigned, so its value is ours plus 2¹⁴ quarter flight levels.
                        actual += 4096;
                        negativeFlightLevels++;
                    }

                    Assert.True(actual is { } a && Math.Abs(a - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"frame {frame} record {r} {header[c]}: tshark {values[r]}, decoded {actual}");
                    compared++;
                }
            }
        }

        // All 128 plots (every frame's records carry I010, I140, I020, I040): most columns line up record by record.
        Assert.Equal(128, records);
        Assert.Equal(2, negativeFlightLevels); // one plot at FL -1, heard on both networks
        Assert.True(compared >= 128 * 6, $"only {compared} values compared");
    }
}

using System.Globalization;
using System.Text.Json;
using Vigia.Protocols.Asterix.Cat062;
using Vigia.Protocols.Asterix.Tests.Support;

namespace Vigia.Protocols.Asterix.Tests;

/// <summary>
/// CAT-062 against a second, independent decoder: Wireshark's ASTERIX dissector (tshark 4.0.17,
/// shared/data/radar/reference/cat_062_065.pcap.tshark.json, SOURCES.md). tshark's JSON repeats keys when a packet
/// holds several records, so it is walked property by property, never looked up by name.
/// </summary>
public sealed partial class Cat062DecoderTests
{
    [Fact]
    public void SystemTracks_MatchWiresharksDissector()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Vigia.Testing.TestPaths.SharedData("radar", "reference", "cat_062_065.pcap.tshark.json")));
        var layers = document.RootElement[0].GetProperty("_source").GetProperty("layers");
        var messages = layers.EnumerateObject()
            .Where(p => p.Name == "asterix" && Field(p.Value, "asterix.category") == "62")
            .SelectMany(p => p.Value.EnumerateObject().Where(m => m.Name == "asterix.message").Select(m => m.Value))
            .ToList();
        var tracks = RadarData.Records("cat_062_065.pcap").Where(r => r.Category == 62).ToList();

        Assert.Equal(2, messages.Count);
        Assert.Equal(messages.Count, tracks.Count);
        for (var i = 0; i < tracks.Count; i++)
        {
            var want = messages[i];
            var record = Cat062Decoder.Decode(tracks[i].Bytes);
            Assert.Equal(Hex(want, "062_010", "062_010_SAC"), record.DataSource!.Value.Sac);
            Assert.Equal(Hex(want, "062_010", "062_010_SIC"), record.DataSource!.Value.Sic);
            Assert.Equal(Number(want, "062_070", "062_070_VALUE"), record.TimeOfTrack!.Value.TotalSeconds, 9);
            Assert.Equal(Number(want, "062_105", "062_105_LAT"), record.Wgs84Position!.Value.LatitudeDegrees, 9);
            Assert.Equal(Number(want, "062_105", "062_105_LON"), record.Wgs84Position!.Value.LongitudeDegrees, 9);
            Assert.Equal(Number(want, "062_100", "062_100_X"), record.CartesianPosition!.Value.XMeters, 9);
            Assert.Equal(Number(want, "062_100", "062_100_Y"), record.CartesianPosition!.Value.YMeters, 9);
            Assert.Equal(Number(want, "062_185", "062_185_VX"), record.Velocity!.Value.VxMetersPerSecond, 9);
            Assert.Equal(Number(want, "062_185", "062_185_VY"), record.Velocity!.Value.VyMetersPerSecond, 9);
            Assert.Equal(Number(want, "062_060", "062_060_MODE3A"), record.Mode3A!.Value.Code); // tshark prints the code in decimal (701 = 1275 octal)
            Assert.Equal(Hex(want, "062_040", "062_040_VALUE"), (long)record.TrackNumber!.Value);
            var derived = Item(want, "062_380");
            Assert.Equal(Hex(derived, "062_380_ADR", "062_380_ADR_VALUE"), (long)record.AircraftDerivedData.TargetAddress!.Value);
            Assert.Equal(Field(Item(derived, "062_380_ID"), "asterix.062_380_ID_VALUE"), record.AircraftDerivedData.TargetIdentification!.Value.ToString());
        }
    }

    private static JsonElement Item(JsonElement parent, string item) => parent.GetProperty("asterix." + item);

    private static string? Field(JsonElement parent, string name) =>
        parent.EnumerateObject().Where(p => p.Name == name).Select(p => p.Value.GetString()).FirstOrDefault();

    private static double Number(JsonElement message, string item, string field) =>
        double.Parse(Field(Item(message, item), "asterix." + field)!, CultureInfo.InvariantCulture);

    private static long Hex(JsonElement message, string item, string field) =>
        long.Parse(Field(Item(message, item), "asterix." + field)![2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}

using System.Text;
using Vigia.Scenarios.Format;
using Vigia.Scenarios.Simulation;

namespace Vigia.Scenarios.Tests.Simulation;

/// <summary>
/// <see cref="ScriptedScenarioReader"/>: a valid script converts its positions into the ENU frame; every bad script is
/// refused with <c>FILE:LINE:COL: field: reason</c> pointing at the offending value.
/// </summary>
public sealed class ScriptedScenarioReaderTests
{
    private const string Valid = """
        {
          "schema": "vigia-script/1",
          "description": "test",
          "origin": { "lat": 19.0960, "lon": -102.8290, "msl": 460 },
          "geoid_undulation_m": -12,
          "duration_s": 60,
          "seed": 9,
          "sensors": [
            { "id": "radar-1", "kind": "radar", "position": { "enu": [0, 0, 0] }, "range_max_m": 5000, "period_s": 1 },
            { "id": "rid-1", "kind": "remote-id", "position": { "lat": 19.0784244, "lon": -102.8099106, "msl": 323 }, "range_m": 2500 }
          ],
          "targets": [
            { "label": "a",
              "remote_id": { "uas_id": "ABC123", "operator": { "enu": [5, 5, 0] } },
              "waypoints": [ { "enu": [100, 0, 50] }, { "enu": [200, 0, 50], "speed_mps": 5, "hover_s": 10 } ] }
          ],
          "random": { "count": 2 }
        }
        """;

    [Fact]
    public void Read_ValidScript_ConvertsPositionsWithTheOneGeoidUndulation()
    {
        var script = ScriptedScenarioReader.Read("ok.json", Encoding.UTF8.GetBytes(Valid));

        Assert.Equal(448, script.Origin.HeightAboveEllipsoidMeters, 9);
        Assert.Equal(-12, script.GeoidUndulationMeters);
        Assert.Equal(9UL, script.Seed);
        Assert.Equal(2, script.Sensors.Count);
        var rid = script.Sensors[1];
        Assert.Equal(ScriptedSensorKind.RemoteId, rid.Kind);
        Assert.Equal(0.5, rid.OffsetSeconds);

        // El Bejuco is about 2.0 km east and 1.95 km south of the origin, 137 m lower (plus Earth curvature, < 1 m).
        Assert.InRange(rid.Position.EastMeters, 1990, 2020);
        Assert.InRange(rid.Position.NorthMeters, -1960, -1940);
        Assert.InRange(rid.Position.UpMeters, -138.5, -137);
        var target = Assert.Single(script.Targets);
        Assert.Equal("ABC123", target.UasId);
        Assert.Equal(5, target.Waypoints[1].SpeedMetersPerSecond);
        Assert.Equal(10, target.Waypoints[1].HoverSeconds);
        Assert.Equal(2, script.RandomTargets!.Count);
    }

    [Theory]
    [InlineData("\"vigia-script/1\"", "\"vigia-script/2\"", "\"vigia-script/2\"", "schema", "expected \"vigia-script/1\"")]
    [InlineData("\"range_max_m\": 5000", "\"range_max_m\": 5000, \"rang_min_m\": 5", "5, \"period", "sensors[0].rang_min_m", "unknown field")]
    [InlineData("\"geoid_undulation_m\": -12,", "", "460 }", "origin.msl", "needs the script's geoid_undulation_m")]
    [InlineData("\"kind\": \"radar\"", "\"kind\": \"lidar\"", "\"lidar\"", "sensors[0].kind", "expected \"radar\" or \"remote-id\"")]
    [InlineData("\"id\": \"rid-1\"", "\"id\": \"radar-1\"", "\"radar-1\", \"kind\": \"remote-id\"", "sensors[1].id", "used twice")]
    [InlineData("\"speed_mps\": 5,", "\"speed_mps\": -5,", "-5,", "targets[0].waypoints[1].speed_mps", "outside [0.1, 100]")]
    [InlineData("\"period_s\": 1 }", "\"period_s\": 0.25 }", "0.25 }", "sensors[0].period_s", "multiple of 0.1 s")]
    [InlineData("\"speed_mps\": 5, ", "", "{ \"enu\": [200", "targets[0].waypoints[1]", "speed_mps: give the leg's speed")]
    [InlineData("\"ABC123\"", "\"A-UAS-ID-THAT-IS-FAR-TOO-LONG\"", "\"A-UAS-ID-THAT", "targets[0].remote_id.uas_id", "1 to 20 printable ASCII")]
    [InlineData(", { \"enu\": [200, 0, 50], \"speed_mps\": 5, \"hover_s\": 10 } ]", " ]", "[ { \"enu\": [100", "targets[0].waypoints", "never flies")]
    [InlineData("\"seed\": 9,", "\"seed\": 9, \"seed\": 10,", "\"seed\": 10", "seed", "given twice")]
    [InlineData("\"duration_s\": 60,", "\"duration_s\": \"60\",", "\"60\"", "duration_s", "expected a number")]
    [InlineData("\"lat\": 19.0784244", "\"lat\": 95", "95,", "sensors[1].position.lat", "outside [-90, 90]")]
    [InlineData("{ \"count\": 2 }", "{ \"count\": 2.5 }", "2.5 }", "random.count", "must be an integer")]
    [InlineData("\"operator\": { \"enu\": [5, 5, 0] }", "\"operator\": { \"enu\": [5, 5] }", "[5, 5]", "targets[0].remote_id.operator.enu", "expected 3 elements")]
    public void Read_BadScript_FailsAtTheValueWithFieldAndReason(string find, string replace, string at, string field, string reason)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        var text = Valid.Replace(find, replace, StringComparison.Ordinal);
        var (line, column) = Where(text, at);

        var e = Assert.Throws<ScenarioFormatException>(() => ScriptedScenarioReader.Read("bad.script.json", Encoding.UTF8.GetBytes(text)));

        Assert.Equal(field, e.Field);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.StartsWith($"bad.script.json:{line}:{column}: {field}: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingSection_PointsAtTheObjectThatLacksIt()
    {
        var text = Valid.Replace("\"duration_s\": 60,", "", StringComparison.Ordinal);

        var e = Assert.Throws<ScenarioFormatException>(() => ScriptedScenarioReader.Read("bad.json", Encoding.UTF8.GetBytes(text)));

        Assert.Equal("(root)", e.Field);
        Assert.Equal("missing field 'duration_s'", e.Reason);
        Assert.Equal((1L, 1L), (e.Line, e.Column));
    }

    [Fact]
    public void Read_NotJson_GivesTheParserPosition()
    {
        var e = Assert.Throws<ScenarioFormatException>(() => ScriptedScenarioReader.Read("bad.json", Encoding.UTF8.GetBytes("{\n  \"schema\": \"vigia-script/1\",\n  \"origin\": { \"lat\": 19.1 \n")));

        Assert.Equal("(json)", e.Field);
        Assert.StartsWith("not valid JSON", e.Reason, StringComparison.Ordinal);
        Assert.True(e.Line >= 3, e.Message);
    }

    [Fact]
    public void ReadFile_TheMessageNamesTheFile()
    {
        var path = Path.Combine(Testing.TestPaths.NewTempDirectory(), "x.script.json");
        File.WriteAllText(path, "{ \"schema\": \"vigia-script/1\", \"sensors\": 3 }");

        var e = Assert.Throws<ScenarioFormatException>(() => ScriptedScenarioReader.ReadFile(path));

        Assert.StartsWith(path + ":1:1: (root): missing field 'origin'", e.Message, StringComparison.Ordinal);
    }

    private static (long Line, long Column) Where(string text, string marker)
    {
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, $"marker {marker} not in the script");
        var before = text[..index];
        var line = before.Count(c => c == '\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }
}

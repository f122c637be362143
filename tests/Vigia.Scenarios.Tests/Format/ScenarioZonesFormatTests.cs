using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Scenarios.Format;
using Vigia.Testing;

namespace Vigia.Scenarios.Tests.Format;

/// <summary>
/// The alerting extension of <c>cuas-scenario/1</c> (docs/alerting-scenarios.md): <c>zones</c>, <c>allow_list</c> and
/// <c>truth[].role</c> survive a write and a read, old files read as before, and every bad zone field is refused
/// naming the field at its line and column.
/// </summary>
public sealed class ScenarioZonesFormatTests
{
    private static readonly ScenarioZone Village = new()
    {
        Id = "el-bejuco",
        Name = "El Bejuco",
        Kind = "village",
        Polygon = [new(19.0780, -102.8110), new(19.0780, -102.8080), new(19.0800, -102.8080), new(19.0800, -102.8110)],
        FloorMeters = 0,
        CeilingMeters = 150,
        HeightReference = "agl",
        BufferMeters = 1000,
    };

    private static readonly ScenarioZone School = new()
    {
        Id = "escuela-1",
        Name = "Escuela",
        Kind = "school",
        Circle = new ZoneCircle(19.07, -102.85, 250),
        FloorMeters = 400,
        CeilingMeters = 600,
        HeightReference = "ellipsoid",
    };

    [Fact]
    public void WriteThenRead_ZonesAllowListAndRoles_RoundTripAndRewriteToTheSameBytes()
    {
        var dir = TestPaths.NewTempDirectory();
        var first = Path.Combine(dir, "first.json");
        var second = Path.Combine(dir, "second.json");
        TruthTrack[] truths =
        [
            new(0, null, 0, 2, [new TruthState(0, 1, 2, 50, 1, 0, 0), new TruthState(1, 2, 2, 50, 1, 0, 0)]) { Role = TruthRole.Threat },
            new(1, "RID-00001", 0, null, [new TruthState(0, 5, 5, 60, 0, 0, 0)]) { Role = TruthRole.Cooperative },
            new(2, "RID-00002", 0, null, [new TruthState(0, 9, 9, 70, 0, 0, 0)]) { Role = TruthRole.Allowed },
            new(3, "RID-00003", 1, null, [new TruthState(1, 3, 3, 40, 0, 0, 0)]),
        ];
        Write(first, Header([Village, School], ["RID-00002", "SURVEY-7"]), truths);

        ScenarioHeader header;
        IReadOnlyList<TruthTrack> back;
        using (var reader = ScenarioReader.Open(first))
        {
            header = reader.Header;
            back = reader.ReadTruth();
        }

        Assert.Equal([Village, School], header.Zones);
        Assert.Null(header.Zones[0].Circle);
        Assert.Equal(4, header.Zones[0].Polygon!.Count);
        Assert.Equal(["RID-00002", "SURVEY-7"], header.AllowList);
        Assert.Equal(truths.Select(t => t.Role), back.Select(t => t.Role));
        Assert.Equal([TruthRole.Threat, TruthRole.Cooperative, TruthRole.Allowed, TruthRole.Cooperative], back.Select(t => t.EffectiveRole));
        Assert.True(header.Zones[1].Line > header.Zones[0].Line || header.Zones[1].Column > header.Zones[0].Column);

        Write(second, header, back);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void Read_SharedScenarioWithoutTheExtension_HasNoZonesNoAllowListAndRolesFromRemoteId()
    {
        using var reader = ScenarioReader.Open(TestPaths.SharedData("scenarios", "radar-rid-n20-c50-s2.json"));

        Assert.Empty(reader.Header.Zones);
        Assert.Empty(reader.Header.AllowList);
        var truth = reader.ReadTruth();
        Assert.All(truth, t => Assert.Null(t.Role));
        Assert.All(truth, t => Assert.Equal(t.UasId is null ? TruthRole.Threat : TruthRole.Cooperative, t.EffectiveRole));
        Assert.Contains(truth, t => t.UasId is null);
        Assert.Contains(truth, t => t.UasId is not null);
    }

    [Fact]
    public void Write_HeaderWithoutZones_WritesNoZoneFieldsAndNoRoles()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "plain.json");

        Write(path, Header([], []), [new(0, null, 0, null, [new TruthState(0, 1, 1, 1, 0, 0, 0)])]);

        var text = File.ReadAllText(path);
        Assert.DoesNotContain("\"zones\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"allow_list\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"role\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ZonesWithoutAnOrigin_IsRefused()
    {
        var header = Header([Village], []) with { OriginWgs84 = null };

        var e = Assert.Throws<ArgumentException>(() => new ScenarioWriter(new MemoryStream(), header));

        Assert.Contains("OriginWgs84", e.Message, StringComparison.Ordinal);
    }

    // Each case replaces one piece of the good file (zones[1] is line 5 below) and expects the fault at line:column with
    // the field and reason: a zone field's value out of its domain at the field's name, a value of the wrong type at
    // the value, a missing field at the end of its object.
    [Theory]
    [InlineData("\"kind\": \"school\"", "\"kind\": \"castle\"", "5:28: zones[1].kind", "'castle' is not one of village, school, clinic, plant, prison, stadium, other")]
    [InlineData("\"floor_m\": 10", "\"floor_m\": 200", "5:119: zones[1].floor_m", "floor 200 m must be below ceiling_m 160 m")]
    [InlineData("[19.08, -102.80]]", "[95.5, -102.80]]", "5:46: zones[1].polygon_wgs84[2]", "latitude 95.5 is outside [-90, 90] degrees")]
    [InlineData(", [19.08, -102.81], [19.08, -102.80]]", "]", "5:46: zones[1].polygon_wgs84", "needs at least 3 distinct points, got 1")]
    [InlineData("\"buffer_m\": 400", "\"buffer_m\": -1", "5:173: zones[1].buffer_m", "must be within [0, 100000] metres, got -1")]
    [InlineData(", \"height_ref\": \"msl\"", "", "5:167: zones[1].height_ref", "missing")]
    [InlineData("\"height_ref\": \"msl\"", "\"height_ref\": \"baro\"", "5:152: zones[1].height_ref", "'baro' is not one of ellipsoid, msl, agl")]
    [InlineData("\"id\": \"b\"", "\"id\": \"a\"", "5:4: zones[1].id", "duplicate zone id 'a'")]
    [InlineData("\"floor_m\": 10", "\"circle\": {\"lat\": 1, \"lon\": 2, \"radius_m\": 5}, \"floor_m\": 10", "5:46: zones[1].polygon_wgs84", "give exactly one outline: polygon_wgs84 or circle")]
    [InlineData("\"radius_m\": 250", "\"radius_m\": 0", "4:47: zones[0].circle.radius_m", "must be within (0, 100000] metres, got 0")]
    [InlineData("\"radius_m\": 250", "\"radius\": 250", "4:101: zones[0].circle.radius_m", "missing")]
    [InlineData("\"floor_m\": 10", "\"floor_m\": \"low\"", "5:130: zones[1].floor_m", "expected a number, got a string")]
    [InlineData("\"allow_list\": [\"RID-1\"]", "\"allow_list\": [\"RID-1\", 7]", "6:25: allow_list[1]", "expected a non-empty UAS ID string, got a number")]
    [InlineData("\"role\": \"threat\"", "\"role\": \"enemy\"", "10:37: truth[0].role", "'enemy' is not one of threat, cooperative, allowed")]
    public void Read_BadExtensionField_ThrowsNamingTheFieldAtItsLineAndColumn(string find, string replace, string position, string reason)
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "bad.json");
        Assert.Contains(find, GoodFile, StringComparison.Ordinal);
        Assert.Equal(GoodFile.IndexOf(find, StringComparison.Ordinal), GoodFile.LastIndexOf(find, StringComparison.Ordinal));
        File.WriteAllText(path, GoodFile.Replace(find, replace, StringComparison.Ordinal));

        var e = Assert.Throws<ScenarioFormatException>(() => ReadAll(path));

        Assert.Equal($"{path}:{position}: {reason}", e.Message);
    }

    [Fact]
    public void Read_GoodHandWrittenFile_HasBothZonesAndTheRole()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "good.json");
        File.WriteAllText(path, GoodFile);

        using var reader = ScenarioReader.Open(path);

        Assert.Equal(["a", "b"], reader.Header.Zones.Select(z => z.Id));
        Assert.Equal((4L, 5L), (reader.Header.Zones[0].Line, reader.Header.Zones[1].Line));
        Assert.Equal(TruthRole.Threat, Assert.Single(reader.ReadTruth()).Role);
    }

    [Fact]
    public void Read_ZonesWithoutAnOrigin_ThrowsAtTheZones()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "no-origin.json");
        File.WriteAllText(path, GoodFile.Replace("{\"lat_deg\": 19.08, \"lon_deg\": -102.81, \"h_m\": 400}", "null", StringComparison.Ordinal));

        var e = Assert.Throws<ScenarioFormatException>(() => ReadAll(path));

        Assert.Equal($"{path}:3:1: zones: zones need frame.origin_wgs84 (zones are WGS-84, tracks are ENU metres from the origin)", e.Message);
    }

    [Fact]
    public void Read_ZonesAfterTheScans_ThrowsInsteadOfIgnoringThem()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "late.json");
        var moved = GoodFile.Replace("\"allow_list\": [\"RID-1\"],", "", StringComparison.Ordinal)
            .Replace("\"truth\": [", "\"allow_list\": [\"RID-1\"],\n\"truth\": [", StringComparison.Ordinal);
        File.WriteAllText(path, moved);

        var e = Assert.Throws<ScenarioFormatException>(() => ReadAll(path));

        Assert.Equal("allow_list", e.Field);
        Assert.Equal("must come before \"scans\" (the file is read as a stream)", e.Reason);
    }

    /// <summary>A small file with two zones, an allow-list and one truth with a role, one item per line.</summary>
    private const string GoodFile =
        "{\"schema\": \"cuas-scenario/1\", \"time\": {\"epoch_utc\": \"2025-01-01T00:00:00Z\", \"start_s\": 0, \"end_s\": 2},\n" +
        "\"frame\": {\"origin_wgs84\": {\"lat_deg\": 19.08, \"lon_deg\": -102.81, \"h_m\": 400}},\n" +
        "\"zones\": [\n" +
        "  {\"id\": \"a\", \"name\": \"A\", \"kind\": \"village\", \"circle\": {\"lat\": 19.09, \"lon\": -102.81, \"radius_m\": 250}, \"floor_m\": 0, \"ceiling_m\": 150, \"height_ref\": \"agl\", \"buffer_m\": 500},\n" +
        "  {\"id\": \"b\", \"name\": \"B\", \"kind\": \"school\", \"polygon_wgs84\": [[19.07, -102.81], [19.08, -102.81], [19.08, -102.80]], \"floor_m\": 10, \"ceiling_m\": 160, \"height_ref\": \"msl\", \"buffer_m\": 400}],\n" +
        "\"allow_list\": [\"RID-1\"],\n" +
        "\"sensors\": [{\"id\": \"radar-1\", \"type\": \"radar\", \"kind\": \"rae\", \"position\": [0, 0, 0], \"noise_std\": [5, 0.0087, 0.0087]}],\n" +
        "\"scans\": [{\"t\": 0, \"sensor\": \"radar-1\", \"detections\": []}],\n" +
        "\"truth\": [\n" +
        "  {\"id\": 0, \"uas_id\": null, \"role\": \"threat\", \"birth_t\": 0, \"death_t\": null, \"states\": []}]}\n";

    private static ScenarioHeader Header(IReadOnlyList<ScenarioZone> zones, IReadOnlyList<string> allowList) => new()
    {
        EpochUtc = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
        EndSeconds = 2,
        OriginWgs84 = new GeoPosition(19.08, -102.81, 400),
        Sensors = [new ScenarioSensor { Id = new("rid-1"), Type = "remote_id", Kind = MeasurementKind.EnuPosition, NoiseStd = [3, 3, 3] }],
        Zones = zones,
        AllowList = allowList,
    };

    private static void Write(string path, ScenarioHeader header, IEnumerable<TruthTrack> truths)
    {
        using var writer = ScenarioWriter.Create(path, header);
        writer.BeginScan(0, new SensorId("rid-1"));
        writer.EndScan();
        foreach (var truth in truths)
        {
            writer.WriteTruthTrack(truth);
        }

        writer.Complete();
    }

    private static void ReadAll(string path)
    {
        using var reader = ScenarioReader.Open(path);
        foreach (var scan in reader.ReadScans())
        {
            Assert.NotNull(scan);
        }

        reader.ReadTruth();
    }
}

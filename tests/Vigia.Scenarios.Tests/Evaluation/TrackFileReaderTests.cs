using System.Text;
using Vigia.Scenarios.Format;

namespace Vigia.Scenarios.Tests.Evaluation;

/// <summary>
/// <see cref="TrackFileReader"/> (the <c>cuas-tracks/1</c> input of the scorer); kept beside the scorer's
/// tests because the Format test folder belongs to the scenario reader.
/// </summary>
public sealed class TrackFileReaderTests
{
    private static TrackFile Read(string json) => TrackFileReader.Read(Encoding.UTF8.GetBytes(json), "t.json");

    private static ScenarioFormatException Fault(string json) =>
        Assert.Throws<ScenarioFormatException>(() => Read(json));

    [Fact]
    public void Read_DocumentedExample_ReadsEveryField()
    {
        var file = Read("""
            {
              "schema": "cuas-tracks/1",
              "tracker": "test tracker",
              "timing": { "loop_s": 4.5, "measurements": 3883 },
              "snapshots": [
                { "t": 12.0, "tracks": [ { "id": "17", "x": 812.3, "y": -230.1, "z": 118.0 } ] }
              ]
            }
            """);

        Assert.Equal("test tracker", file.Tracker);
        Assert.Equal(4.5, file.LoopSeconds);
        Assert.Equal(3883, file.Measurements);
        var snapshot = Assert.Single(file.Snapshots);
        Assert.Equal(12.0, snapshot.T);
        Assert.Equal(new TrackPoint("17", 812.3, -230.1, 118.0), Assert.Single(snapshot.Tracks));
    }

    [Fact]
    public void Read_NumericIdsUnknownFieldsAndTimingAfterSnapshots_AreAccepted()
    {
        var file = Read("""
            {"snapshots":[{"t":0,"tracks":[{"id":5,"x":1,"y":2,"z":3,"vx":[1,{"a":2}],"cov":null}],"extra":{}},
                          {"t":1,"tracks":[]}],
             "note":"x","schema":"cuas-tracks/1","timing":{"prep_s":0.1,"loop_s":0.99}}
            """);

        Assert.Equal("5", file.Snapshots[0].Tracks[0].Id);
        Assert.Equal(0.99, file.LoopSeconds);
        Assert.Null(file.Measurements);
        Assert.Equal("", file.Tracker);
    }

    [Fact]
    public void Read_WrongTypeDeepInside_ReportsLineColumnAndPath()
    {
        var e = Fault("{\"schema\":\"cuas-tracks/1\",\n\"snapshots\":[{\"t\":0,\"tracks\":[]},\n  {\"t\":1,\"tracks\":[{\"id\":\"a\",\"x\":\"oops\",\"y\":0,\"z\":0}]}]}");

        Assert.Equal("snapshots[1].tracks[0].x", e.Field);
        Assert.Equal(3, e.Line);
        Assert.Equal(34, e.Column);
        Assert.StartsWith("t.json:3:34: snapshots[1].tracks[0].x: expected a number", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"schema":"cuas-tracks/2","snapshots":[]}""", "schema")]
    [InlineData("""{"snapshots":[]}""", "schema")]
    [InlineData("""{"schema":"cuas-tracks/1"}""", "snapshots")]
    [InlineData("""{"schema":"cuas-tracks/1","snapshots":{}}""", "snapshots")]
    [InlineData("""{"schema":"cuas-tracks/1","snapshots":[{"tracks":[]}]}""", "snapshots[0].t")]
    [InlineData("""{"schema":"cuas-tracks/1","snapshots":[{"t":0}]}""", "snapshots[0].tracks")]
    [InlineData("""{"schema":"cuas-tracks/1","snapshots":[{"t":0,"tracks":[{"x":1,"y":2,"z":3}]}]}""", "snapshots[0].tracks[0].id")]
    [InlineData("""{"schema":"cuas-tracks/1","snapshots":[{"t":0,"tracks":[{"id":"a","x":1,"y":2}]}]}""", "snapshots[0].tracks[0].z")]
    [InlineData("""{"schema":"cuas-tracks/1","snapshots":[{"t":0,"tracks":[{"id":true,"x":1,"y":2,"z":3}]}]}""", "snapshots[0].tracks[0].id")]
    [InlineData("""{"schema":"cuas-tracks/1","snapshots":[{"t":0,"tracks":[{"id":"","x":1,"y":2,"z":3}]}]}""", "snapshots[0].tracks[0].id")]
    [InlineData("""{"schema":"cuas-tracks/1","snapshots":[{"t":1,"tracks":[]},{"t":1,"tracks":[]}]}""", "snapshots[1].t")]
    [InlineData("""{"schema":"cuas-tracks/1","snapshots":[{"t":0,"tracks":[{"id":"a","x":1,"y":2,"z":3},{"id":"a","x":1,"y":2,"z":3}]}]}""", "snapshots[0].tracks[1].id")]
    [InlineData("""{"schema":"cuas-tracks/1","timing":{"measurements":-3},"snapshots":[]}""", "timing.measurements")]
    [InlineData("""{"schema":"cuas-tracks/1","snapshots":[{"t":1e999,"tracks":[]}]}""", "snapshots[0].t")]
    [InlineData("""[]""", "(root)")]
    public void Read_InvalidContent_NamesTheField(string json, string field) =>
        Assert.Equal(field, Fault(json).Field);

    [Theory]
    [InlineData("")]
    [InlineData("{\"schema\":\"cuas-tracks/1\",\"snapshots\":[{\"t\":0,")]
    [InlineData("{\"schema\":\"cuas-tracks/1\",\n\"snapshots\":[} ")]
    [InlineData("{\"schema\":\"cuas-tracks/1\",\"snapshots\":[]} trailing")]
    public void Read_MalformedJson_IsAFormatErrorNotACrash(string json)
    {
        var e = Fault(json);
        Assert.True(e.Line >= 1 && e.Column >= 1);
        Assert.StartsWith("t.json:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedJsonOnLineTwo_ReportsLineTwo()
    {
        var e = Fault("{\"schema\":\"cuas-tracks/1\",\n  \"snapshots\":[} ");
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Read_ByteOrderMark_IsSkipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"schema":"cuas-tracks/1","snapshots":[]}""")).ToArray();
        Assert.Empty(TrackFileReader.Read(bytes, "bom.json").Snapshots);
    }
}

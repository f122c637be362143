using System.Text;
using Vigia.Scenarios.Format;

namespace Vigia.Scenarios.Tests.Evaluation;

/// <summary><see cref="TrackFileWriter"/>: what it writes must read back unchanged.</summary>
public sealed class TrackFileWriterTests
{
    [Fact]
    public void WriteThenRead_RoundTripsEveryValueExactly()
    {
        using var stream = new MemoryStream();
        using (var writer = new TrackFileWriter(stream, "vigia test \"quoted\"", leaveOpen: true))
        {
            writer.WriteSnapshot(0.0, []);
            writer.WriteSnapshot(1.0, [new TrackPoint("7", 812.3, -230.1, 118.0), new TrackPoint("x-1", 0.1 + 0.2, 1e-300, -0.0)]);
            writer.Complete(4.25, 3883);
        }

        var file = TrackFileReader.Read(stream.ToArray(), "mem.json");

        Assert.Equal("vigia test \"quoted\"", file.Tracker);
        Assert.Equal(4.25, file.LoopSeconds);
        Assert.Equal(3883, file.Measurements);
        Assert.Equal([0.0, 1.0], file.Snapshots.Select(s => s.T));
        Assert.Empty(file.Snapshots[0].Tracks);
        Assert.Equal([new TrackPoint("7", 812.3, -230.1, 118.0), new TrackPoint("x-1", 0.1 + 0.2, 1e-300, -0.0)], file.Snapshots[1].Tracks);
    }

    [Fact]
    public void Complete_WithoutTiming_OmitsTheTimingBlock()
    {
        using var stream = new MemoryStream();
        using (var writer = new TrackFileWriter(stream, "t", leaveOpen: true))
        {
            writer.Complete(null, null);
        }

        var json = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Equal("""{"schema":"cuas-tracks/1","tracker":"t","snapshots":[]}""", json);
    }

    [Fact]
    public void Write_WholeFile_RoundTrips()
    {
        var original = new TrackFile
        {
            Tracker = "t",
            LoopSeconds = 1.5,
            Snapshots = [new TrackFileSnapshot(2, [new TrackPoint("a", 1, 2, 3)]), new TrackFileSnapshot(3, [])],
        };
        using var stream = new MemoryStream();
        TrackFileWriter.Write(stream, original);

        var back = TrackFileReader.Read(stream.ToArray(), "mem.json");

        Assert.Equal(original.Snapshots.Select(s => (s.T, s.Tracks.Count)), back.Snapshots.Select(s => (s.T, s.Tracks.Count)));
        Assert.Equal(original.Snapshots[0].Tracks, back.Snapshots[0].Tracks);
        Assert.Equal(1.5, back.LoopSeconds);
    }

    [Fact]
    public void WriteSnapshot_BadInput_Throws()
    {
        using var writer = new TrackFileWriter(new MemoryStream(), "t");
        writer.WriteSnapshot(1, []);
        Assert.Throws<ArgumentException>(() => writer.WriteSnapshot(1, []));
        Assert.Throws<ArgumentException>(() => writer.WriteSnapshot(double.NaN, []));
        Assert.Throws<ArgumentException>(() => writer.WriteSnapshot(2, [new TrackPoint("a", double.PositiveInfinity, 0, 0)]));
        Assert.Throws<ArgumentException>(() => writer.WriteSnapshot(2, [new TrackPoint("", 0, 0, 0)]));
        writer.Complete(null, null);
        Assert.Throws<InvalidOperationException>(() => writer.WriteSnapshot(3, []));
    }

    [Fact]
    public void Dispose_BeforeComplete_LeavesAnUnreadableFile()
    {
        using var stream = new MemoryStream();
        using (var writer = new TrackFileWriter(stream, "t", leaveOpen: true))
        {
            writer.WriteSnapshot(0, []);
        }

        Assert.Throws<ScenarioFormatException>(() => TrackFileReader.Read(stream.ToArray(), "crashed.json"));
    }
}

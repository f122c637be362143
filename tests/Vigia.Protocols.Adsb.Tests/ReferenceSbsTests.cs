using Vigia.Core.Time;

namespace Vigia.Protocols.Adsb.Tests;

/// <summary>
/// The dump1090-mutability 1.15 outputs in shared/data/adsb/reference (see SOURCES.md) reproduced from the same
/// inputs: its Beast and AVR outputs are framed, decoded and applied to an <see cref="AircraftStateTable"/>, and
/// each message must give the peer's SBS line of the same index — type, address, callsign, altitude, speed,
/// track, vertical rate, squawk and the position to its 5 printed decimals.
/// </summary>
public sealed class ReferenceSbsTests
{
    private const double Beast12MHz = 12_000_000.0;

    [Fact]
    public void Modes1Beast_ReproducesThePeersSbsLines()
    {
        var frames = ReferenceReplay.ReadBeast(AdsbData.Reference("modes1_2400k.dump1090-mutability.beast.bin"));
        var sbs = AdsbData.ReferenceLines("modes1_2400k.dump1090-mutability.sbs.csv");
        var table = new AircraftStateTable(new AircraftStateOptions());
        var positions = ReferenceReplay.CompareWithSbs(frames, sbs, table, i => Timestamp.FromUnixSeconds(frames[i].Timestamp12MHz / Beast12MHz));
        Assert.Equal(sbs.Count(l => SbsLine.Parse(l).HasPosition), positions);
        Assert.True(positions >= 60, "positions " + positions);
    }

    [Fact]
    public void Modes1Avr_GivesTheSameRepliesAsTheBeastOutput()
    {
        var beast = ReferenceReplay.ReadBeast(AdsbData.Reference("modes1_2400k.dump1090-mutability.beast.bin"));
        var avr = ReferenceReplay.ReadAvr(AdsbData.Reference("modes1_2400k.dump1090-mutability.avr.txt"));
        Assert.Equal(277, beast.Count);
        Assert.Equal(beast.Select(f => Convert.ToHexString(f.Data)), avr.Select(f => Convert.ToHexString(f.Data)));
        Assert.All(avr, f => Assert.False(f.HasTimestamp));
    }

    [Fact]
    public void Modes1AvrMlat_CarriesTheTwelveMegahertzTimestamps()
    {
        var mlat = ReferenceReplay.ReadAvr(AdsbData.Reference("modes1_2400k.dump1090-mutability.avr-mlat.txt"));
        var beast = ReferenceReplay.ReadBeast(AdsbData.Reference("modes1_2400k.dump1090-mutability.beast.bin"));
        Assert.Equal(293, mlat.Count);
        Assert.All(mlat, f => Assert.True(f.HasTimestamp));
        Assert.Equal(0x18FAUL, mlat[0].Timestamp12MHz);

        // Every frame the network outputs carried is in the stdout list with the same timestamp.
        var byKey = mlat.Select(f => (f.Timestamp12MHz, Convert.ToHexString(f.Data))).ToHashSet();
        Assert.All(beast, f => Assert.Contains((f.Timestamp12MHz, Convert.ToHexString(f.Data)), byKey));
    }

    [Fact]
    public void TestVectorsTwice_ReproducesThePeersSbsLinesWithItsReceiverPosition()
    {
        var frames = ReferenceReplay.ReadBeast(AdsbData.Reference("test_vectors_x2.dump1090-mutability.beast.bin"));
        var sbs = AdsbData.ReferenceLines("test_vectors_x2.dump1090-mutability.sbs.csv");
        var table = new AircraftStateTable(new AircraftStateOptions { ReceiverLatitudeDegrees = 52.0, ReceiverLongitudeDegrees = 4.0 });

        // The input sent each vector twice, 0.2 s apart (test_vectors_x2.input.csv); the CRC-corrupt pair was dropped.
        var positions = ReferenceReplay.CompareWithSbs(frames, sbs, table, i => Timestamp.FromUnixSeconds(0.2 * i));
        Assert.Equal(4, positions);
        Assert.All(frames, f => Assert.Equal(0UL, f.Timestamp12MHz));
    }

    [Fact]
    public void PyModeSRealtime_ReproducesAll933Positions()
    {
        var frames = ReferenceReplay.ReadBeast(AdsbData.Reference("pyModeS_sample_data_adsb.realtime.dump1090-mutability.beast.bin"));
        var sbs = AdsbData.ReferenceLines("pyModeS_sample_data_adsb.realtime.dump1090-mutability.sbs.csv");
        var sample = AdsbData.PyModeSSample();
        Assert.Equal(sample.Select(s => s.Hex), frames.Select(f => Convert.ToHexString(f.Data)));

        // The replay was paced by the whole-second column, spreading the messages of one second evenly.
        var times = new double[sample.Length];
        for (var start = 0; start < sample.Length;)
        {
            var end = start;
            while (end < sample.Length && sample[end].UnixSeconds == sample[start].UnixSeconds)
            {
                end++;
            }

            for (var k = start; k < end; k++)
            {
                times[k] = sample[k].UnixSeconds + ((k - start) / (double)(end - start));
            }

            start = end;
        }

        var table = new AircraftStateTable(new AircraftStateOptions());
        var positions = ReferenceReplay.CompareWithSbs(frames, sbs, table, i => Timestamp.FromUnixSeconds(times[i]));
        Assert.Equal(933, positions);
    }
}

using System.Buffers.Binary;
using Vigia.Core.Geodesy;
using Vigia.Core.Observations;
using Vigia.Sensors.Capture;
using Vigia.Sensors.Radar;
using Vigia.Testing;

namespace Vigia.Sensors.Tests.Radar;

/// <summary>Shared radar recordings (shared/data/radar, SOURCES.md) and hand-made ASTERIX for the adapter tests.</summary>
internal static class RadarTestData
{
    /// <summary>SAC 25 radars of cat_034_048.pcap; SIC 12's position is its own I034/120 (43.5710263°N 16.4060640°E, 780 m).</summary>
    public static readonly byte[] CaptureSics = [11, 12, 13, 14, 201, 204, 205];

    public static readonly GeoPosition Sic12Position = new(43.5710263, 16.4060640, 780);

    public static byte[] Raw(string file) => File.ReadAllBytes(TestPaths.SharedData("radar", file));

    /// <summary>Every capture radar configured at SIC 12's site (their true sites are not in the data), picture frame there.</summary>
    public static RadarAdapterOptions CaptureOptions() => new()
    {
        Radars = [.. CaptureSics.Select(sic => new RadarSiteOptions { SensorId = $"radar-{sic}", Sac = 25, Sic = sic, Position = Sic12Position })],
        TrackSources = [new SystemTrackSourceOptions { SensorId = "sdps-100", Sac = 25, Sic = 100 }],
        PictureFrame = new LocalTangentPlane(Sic12Position),
    };

    /// <summary>Replays a shared capture through a fresh adapter.</summary>
    public static (RadarAdapter Adapter, List<Observation> Observations, AsterixReplaySummary Summary) Replay(string file, RadarAdapterOptions options)
    {
        using var stream = File.OpenRead(TestPaths.SharedData("radar", file));
        using var reader = CaptureReader.TryOpen(stream, leaveOpen: false, out var error) ?? throw new InvalidOperationException(error.Message);
        var adapter = new RadarAdapter(options);
        var observations = new List<Observation>();
        var summary = AsterixPcapReplay.Replay(reader, adapter, observations);
        return (adapter, observations, summary);
    }

    /// <summary>A record: FSPEC over the given FRNs, then the items in FRN order.</summary>
    public static byte[] Record(params (int Frn, byte[] Item)[] items)
    {
        var ordered = items.OrderBy(i => i.Frn).ToArray();
        var fspec = new byte[(ordered[^1].Frn + 6) / 7];
        foreach (var (frn, _) in ordered)
        {
            fspec[(frn - 1) / 7] |= (byte)(0x80 >> ((frn - 1) % 7));
        }

        for (var i = 0; i < fspec.Length - 1; i++)
        {
            fspec[i] |= 1;
        }

        return [.. fspec, .. ordered.SelectMany(i => i.Item)];
    }

    /// <summary>A data block of one category.</summary>
    public static byte[] Block(byte category, params byte[][] records)
    {
        var body = records.SelectMany(r => r).ToArray();
        var block = new byte[3 + body.Length];
        block[0] = category;
        BinaryPrimitives.WriteUInt16BigEndian(block.AsSpan(1), (ushort)block.Length);
        body.CopyTo(block, 3);
        return block;
    }

    /// <summary>A three-octet big-endian value (times of day, addresses).</summary>
    public static byte[] U24(uint value) => [(byte)(value >> 16), (byte)(value >> 8), (byte)value];

    public static byte[] U16(int value) => [(byte)(value >> 8), (byte)value];
}

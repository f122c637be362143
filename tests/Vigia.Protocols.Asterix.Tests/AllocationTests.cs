using Vigia.Protocols.Asterix.Cat021;
using Vigia.Protocols.Asterix.Cat034;
using Vigia.Protocols.Asterix.Cat048;
using Vigia.Protocols.Asterix.Cat062;
using Vigia.Protocols.Asterix.Cat065;
using Vigia.Protocols.Asterix.Tests.Support;
using Vigia.Testing;

namespace Vigia.Protocols.Asterix.Tests;

/// <summary>House style §5: decoding CAT-048 allocates nothing per record (BenchmarkDotNet gives the full figure).</summary>
public sealed class AllocationTests
{
    [Fact]
    public void DecodingCat048Datagrams_AndReadingTheirFields_AllocatesZeroBytes()
    {
        var datagrams = RadarData.Pcap("cat_034_048.pcap").Select(d => d.Payload).ToArray();
        var handler = new Cat048FieldReader();
        for (var i = 0; i < 200; i++)
        {
            Decode(datagrams, ref handler);
        }

        // 50 passes over 100 datagrams (6,400 CAT-048 records) per round: one allocation per record would read >= 150 kB.
        var allocated = Allocations.LeastPerRound(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                Decode(datagrams, ref handler);
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(handler.Records > 0 && handler.Checksum != 0);
    }

    private static void Decode(byte[][] datagrams, ref Cat048FieldReader handler)
    {
        foreach (var datagram in datagrams)
        {
            _ = AsterixDecoder.Decode(datagram, ref handler);
        }
    }

    /// <summary>What an adapter reads from a plot: source, time, position, identity, track and Mode S fields.</summary>
    private struct Cat048FieldReader : IAsterixRecordHandler
    {
        public long Records;
        public double Checksum;

        public void OnCat048(in Cat048Record record)
        {
            Records++;
            var position = record.MeasuredPosition;
            Checksum += (record.DataSource?.Sic ?? 0) + (record.TimeOfDay?.TotalSeconds ?? 0) + (position?.RangeMeters ?? 0)
                + (position?.AzimuthRadians ?? 0) + (record.FlightLevel?.FlightLevel ?? 0) + (record.Mode3A?.Code ?? 0)
                + (record.AircraftAddress ?? 0) + (record.TrackNumber ?? 0) + (record.TrackVelocity?.GroundSpeedMetersPerSecond ?? 0)
                + (int)(record.TargetReportDescriptor?.DetectionType ?? 0) + (record.AircraftIdentification?[0] ?? ' ')
                + (record.PlotCharacteristics?.SsrReplyCount ?? 0) + record.ModeSMbDataCount;
        }

        public void OnCat034(in Cat034Record record) => Checksum += record.SectorAzimuthDegrees ?? 0;

        public void OnCat062(in Cat062Record record)
        {
        }

        public void OnCat065(in Cat065Record record)
        {
        }

        public void OnCat021(in Cat021Record record)
        {
        }

        public void OnError(DecodeStatus status, in DecodeError error, byte category) => Checksum = double.NaN;
    }
}
